/**
 * The frame every page shares (templates/layout.html: skip link, header with the person's name, navigation by role,
 * language switch, logout button, {@code <main id="main">}), the languages (Swedish by default, English by a
 * {@code lang} parameter kept in a cookie) and times in Europe/Stockholm ({@code ${@times.format(instant)}}).
 */
package se.municipality.eops.portal.layout;

/** The local mail server (SMTP and IMAP) and a web view of what it received, for run.sh and CI checks. */
package se.municipality.eops.localstack.mail;

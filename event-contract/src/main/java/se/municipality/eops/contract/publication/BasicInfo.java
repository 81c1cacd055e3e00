package se.municipality.eops.contract.publication;

import java.util.List;

/**
 * The basic information of an e-service that its editors maintain.
 *
 * @param informationText the text citizens read before they start the e-service
 * @param searchKeywords words the platform's search finds the e-service by
 * @param requirements what a citizen needs before starting (e-identification, documents, ...)
 */
public record BasicInfo(String informationText, List<String> searchKeywords, String requirements) {}

package org.kpledger.api.command;

/** The answer to a submitted envelope: an HTTP status and its JSON body. */
public record Submission(int status, String json, boolean problem) {}

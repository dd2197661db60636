package org.kpledger.api.command;

/** The answer to a submitted envelope: an HTTP status and its JSON body. */
record Submission(int status, String json, boolean problem) {}

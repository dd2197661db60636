package org.kpledger.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistake in the command line itself: the problem in one line, where to read more, exit code 2.
 */
final class UsageMistake implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName(" ") + ": " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try 'kp " + qualifiedName(command) + "--help' for its options.");
    err.flush();
    return 2;
  }

  private static String qualifiedName(CommandLine command) {
    String name = command.getCommandSpec().qualifiedName(" ");
    return name.equals("kp") ? "" : name.substring("kp ".length()) + " ";
  }
}

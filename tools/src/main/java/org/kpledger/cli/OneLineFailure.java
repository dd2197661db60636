package org.kpledger.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A command that fails prints one line naming the problem on stderr and exits 1; the Java stack
 * trace only with {@code --debug}, for whoever debugs the ledger rather than uses it.
 */
final class OneLineFailure implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    command.getErr().println(command.getCommandSpec().qualifiedName(" ") + ": " + describe(e));
    if (parsed.originalArgs().contains("--debug")) {
      e.printStackTrace(command.getErr());
    }
    command.getErr().flush();
    return 1;
  }

  static String describe(Throwable e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    if (e instanceof NoSuchFileException f) {
      return "no such file or directory: " + f.getFile();
    }
    if (e instanceof AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (e instanceof FileSystemException f) {
      return "cannot use " + f.getFile();
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getCause() != null ? describe(e.getCause()) : e.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message);
  }
}

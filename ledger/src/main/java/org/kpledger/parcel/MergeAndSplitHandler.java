package org.kpledger.parcel;

import static org.kpledger.custody.CustodyRuleViolation.require;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.kpledger.custody.Actor;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.custody.InternalCommands;

/**
 * Merges and splits touch several items at once: each source gives up its contents (checking it
 * may), then the new parcels are created, all in one unit of work.
 */
public class MergeAndSplitHandler {
  private final InternalCommands internal;

  /** Sends its internal commands through {@code internal}. */
  public MergeAndSplitHandler(InternalCommands internal) {
    this.internal = internal;
  }

  /** Returns the merged parcel's id; a source's refusal names its place in the list. */
  @CommandHandler
  public String handle(MergeParcelsCommand c) {
    require(
        new HashSet<>(c.sourceParcelIds()).size() == c.sourceParcelIds().size(),
        "DUPLICATE_SOURCE",
        "sourceParcelIds",
        "a merge names each source once");
    List<ParcelContribution> given = new ArrayList<>();
    for (int i = 0; i < c.sourceParcelIds().size(); i++) {
      String source = c.sourceParcelIds().get(i);
      try {
        given.add(internal.send(new GiveUpToMergeCommand(source, c.parcelId())));
      } catch (CustodyRuleViolation e) {
        throw e.at("sourceParcelIds[" + i + "]");
      } catch (AggregateNotFoundException e) {
        throw CustodyRuleViolation.unknownItem(source, "sourceParcelIds[" + i + "]");
      }
    }
    internal.send(new CreateMergedParcelCommand(c.parcelId(), given, c.carats()));
    return c.parcelId();
  }

  /** Returns the ids of the parts. */
  @CommandHandler
  public List<String> handle(SplitParcelCommand c, Actor actor) {
    require(
        c.parts().stream().map(SplitPart::parcelId).distinct().count() == c.parts().size(),
        "DUPLICATE_PART",
        "parts",
        "each part of a split has its own id");
    ParcelContribution given = internal.send(new GiveUpToSplitCommand(c.parcelId(), c.parts()));
    String holder = actor.party();
    for (SplitPart part : c.parts()) {
      internal.send(
          new CreateSplitPartCommand(
              part.parcelId(), c.parcelId(), holder, part.carats(), given.origins()));
    }
    return c.parts().stream().map(SplitPart::parcelId).toList();
  }
}

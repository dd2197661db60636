package org.kpledger.api.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The read side holds an origin in the domain's shape: the lineage row wraps the ledger's {@link
 * org.kpledger.parcel.Origin} (what the export gate judges) and repeats none of its members, so the
 * gate and the trace can never read two copies that disagree.
 */
class OneOriginShapeTest {

  @Test
  void theLineageRowWrapsTheDomainOriginAndRepeatsNoneOfItsMembers() {
    List<String> domain = names(org.kpledger.parcel.Origin.class);
    RecordComponent[] row = LineageRows.Origin.class.getRecordComponents();

    assertThat(row[0].getType()).isEqualTo(org.kpledger.parcel.Origin.class);
    assertThat(names(LineageRows.Origin.class)).doesNotContainAnyElementsOf(domain);
  }

  private static List<String> names(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}

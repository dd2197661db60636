package org.kpledger.api.command;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads decimals with at least two fraction digits. RFC 8785 writes 12.40 as 12.4, so a signed
 * 12.40 ct arrives as 12.4; the ledger records carats and US$ as on a slip or certificate, with two
 * decimals. Values with more digits (coordinates) are kept as they are.
 */
final class TwoDecimals extends NumberDeserializers.BigDecimalDeserializer {
  private TwoDecimals() {}

  static SimpleModule module() {
    return new SimpleModule("two-decimals").addDeserializer(BigDecimal.class, new TwoDecimals());
  }

  @Override
  public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    BigDecimal value = super.deserialize(p, ctxt);
    return value != null && value.scale() < 2 ? value.setScale(2) : value;
  }
}

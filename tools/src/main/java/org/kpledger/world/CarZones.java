package org.kpledger.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CAR's mining sub-prefectures and the Monitoring Team's dated decisions on them, the seed data
 * the demo and the generator register before any trade ({@code seed/car-sub-prefectures.csv}: zone
 * id, name, prefecture, ...; {@code seed/zone-decisions.csv}: zone id or {@code ALL}, status,
 * effective from, decision reference). Lines starting with {@code #} are comments.
 */
public final class CarZones {
  private CarZones() {}

  /** The sub-prefectures, one row each. */
  public static List<String[]> subPrefectures() {
    return csv("seed/car-sub-prefectures.csv");
  }

  /** The Monitoring Team's decisions, oldest first, one row each. */
  public static List<String[]> decisions() {
    return csv("seed/zone-decisions.csv");
  }

  private static List<String[]> csv(String resource) {
    List<String[]> rows = new ArrayList<>();
    InputStream in = CarZones.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("the tools' jar has no " + resource);
    }
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split(",", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}

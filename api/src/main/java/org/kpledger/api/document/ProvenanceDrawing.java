package org.kpledger.api.document;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kpledger.api.lineage.LineageRows;
import org.kpledger.api.lineage.TracedLineage;

/**
 * The provenance graph of a shipment as a picture: the shipment on the right, its parcels, and
 * every merge and split source further left by generation, lots (where stones entered) on the left;
 * an arrow per lineage edge. A lineage too large to read on one page is left to the trace back's
 * pages and said so.
 */
final class ProvenanceDrawing {
  /** Beyond this many items, or this many in one column, the picture would not be legible. */
  static final int MAX_ITEMS = 80;

  static final int MAX_COLUMN = 28;
  private static final float WIDTH = 515;
  private static final float BOX_H = 12;

  private ProvenanceDrawing() {}

  /** The picture, or null when the lineage is too large for one. */
  static Image of(PdfContentByte canvas, String shipmentId, List<String> parcels, TracedLineage l) {
    Map<String, Integer> column = columns(shipmentId, parcels, l);
    Map<Integer, List<String>> byColumn = new TreeMap<>();
    column.forEach((id, c) -> byColumn.computeIfAbsent(c, k -> new ArrayList<>()).add(id));
    int tallest = byColumn.values().stream().mapToInt(List::size).max().orElse(1);
    if (column.size() > MAX_ITEMS || tallest > MAX_COLUMN) {
      return null;
    }
    int columns = byColumn.size();
    float height = tallest * (BOX_H + 6) + 10;
    float colWidth = WIDTH / columns;
    float boxW = Math.min(110, colWidth - 18);
    Map<String, float[]> at = new HashMap<>();
    byColumn.forEach(
        (c, ids) -> {
          ids.sort(null);
          float x = WIDTH - (c + 1) * colWidth + (colWidth - boxW) / 2;
          float step = height / ids.size();
          for (int i = 0; i < ids.size(); i++) {
            at.put(ids.get(i), new float[] {x, height - (i + 0.5f) * step - BOX_H / 2});
          }
        });
    PdfTemplate t = canvas.createTemplate(WIDTH, height);
    t.setLineWidth(0.5f);
    t.setColorStroke(Color.GRAY);
    for (LineageRows.Edge e : edges(shipmentId, parcels, l)) {
      float[] from = at.get(e.fromItem());
      float[] to = at.get(e.toItem());
      if (from != null && to != null) {
        t.moveTo(from[0] + boxW, from[1] + BOX_H / 2);
        t.lineTo(to[0], to[1] + BOX_H / 2);
      }
    }
    t.stroke();
    BaseFont font = font();
    at.forEach(
        (id, xy) -> {
          boolean lot = !l.madeFrom().containsKey(id) && !id.equals(shipmentId);
          t.setColorFill(
              id.equals(shipmentId)
                  ? new Color(255, 228, 181)
                  : lot ? new Color(214, 234, 214) : new Color(220, 230, 245));
          t.rectangle(xy[0], xy[1], boxW, BOX_H);
          t.fillStroke();
          t.setColorFill(Color.BLACK);
          t.beginText();
          t.setFontAndSize(font, 6);
          t.showTextAligned(Element.ALIGN_CENTER, shorten(id), xy[0] + boxW / 2, xy[1] + 3.5f, 0);
          t.endText();
        });
    return Image.getInstance(t);
  }

  /**
   * The generation of each item counted from the shipment (0), its parcels 1, their sources 2...
   */
  private static Map<String, Integer> columns(
      String shipmentId, List<String> parcels, TracedLineage l) {
    Map<String, Integer> column = new HashMap<>();
    column.put(shipmentId, 0);
    List<String> frontier = new ArrayList<>(parcels);
    parcels.forEach(p -> column.put(p, 1));
    int depth = 1;
    while (!frontier.isEmpty() && depth < 50) {
      List<String> next = new ArrayList<>();
      for (String item : frontier) {
        for (LineageRows.Edge e : l.madeFrom().getOrDefault(item, List.of())) {
          Integer had = column.get(e.fromItem());
          if (had == null || had < depth + 1) {
            column.put(e.fromItem(), depth + 1);
            next.add(e.fromItem());
          }
        }
      }
      frontier = next;
      depth++;
    }
    return column;
  }

  private static List<LineageRows.Edge> edges(
      String shipmentId, List<String> parcels, TracedLineage l) {
    List<LineageRows.Edge> out = new ArrayList<>();
    l.madeFrom().values().forEach(out::addAll);
    parcels.forEach(p -> out.add(new LineageRows.Edge(p, shipmentId, null, "SHIPMENT", null)));
    return out;
  }

  private static String shorten(String id) {
    return id.length() <= 24 ? id : id.substring(0, 11) + ".." + id.substring(id.length() - 11);
  }

  private static BaseFont font() {
    try {
      return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

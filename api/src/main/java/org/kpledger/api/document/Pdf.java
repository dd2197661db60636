package org.kpledger.api.document;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** The shared look of the ledger's PDFs: A4, Helvetica, label/value tables, grid tables. */
final class Pdf {
  static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
  static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
  static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
  static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7);
  private static final Color SHADE = new Color(235, 238, 242);

  final Document document = new Document(PageSize.A4, 40, 40, 40, 40);
  final PdfWriter writer;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Pdf(String title) {
    writer = PdfWriter.getInstance(document, out);
    document.addTitle(title);
    document.addCreator("kp-ledger");
    document.open();
  }

  void title(String text) {
    Paragraph p = new Paragraph(text, TITLE);
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingAfter(8);
    document.add(p);
  }

  void heading(String text) {
    Paragraph p = new Paragraph(text, HEADING);
    p.setSpacingBefore(10);
    p.setSpacingAfter(4);
    document.add(p);
  }

  void text(String text, Font font) {
    document.add(new Paragraph(text, font));
  }

  /** Two columns: a shaded label and its value. */
  void fields(List<String[]> rows) {
    PdfPTable t = new PdfPTable(new float[] {2, 5});
    t.setWidthPercentage(100);
    for (String[] r : rows) {
      PdfPCell label = new PdfPCell(new Phrase(r[0], BOLD));
      label.setBackgroundColor(SHADE);
      label.setPadding(4);
      t.addCell(label);
      PdfPCell value = new PdfPCell(new Phrase(r[1] == null ? "-" : r[1], BODY));
      value.setPadding(4);
      t.addCell(value);
    }
    document.add(t);
  }

  /** A grid with a shaded header row. */
  void grid(float[] widths, List<String> header, List<List<String>> rows) {
    PdfPTable t = new PdfPTable(widths);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    for (String h : header) {
      PdfPCell c = new PdfPCell(new Phrase(h, BOLD));
      c.setBackgroundColor(SHADE);
      t.addCell(c);
    }
    for (List<String> r : rows) {
      for (String v : r) {
        t.addCell(new Phrase(v == null ? "-" : v, SMALL));
      }
    }
    document.add(t);
  }

  byte[] finish() {
    document.close();
    return out.toByteArray();
  }
}

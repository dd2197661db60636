package org.kpledger.api.document;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kpledger.api.certificate.CertificateRecord;

/**
 * A KP certificate on paper: the mandated title and statement (KP Core Document Section II(a);
 * Annex I), every Annex I field as endorsed (31 CFR 592.307: origin, unique number with the ISO
 * 3166-1 alpha-2 prefix, issue and expiry dates, issuing authority, exporter and importer, carats,
 * US$ value, parcels, HS code, validation by the exporting authority), and the number as text and
 * as a QR code of the public certificate check.
 */
final class CertificatePdf {
  /** The title Annex I mandates. */
  static final String TITLE = "Kimberley Process Certificate";

  /** The statement Annex I mandates. */
  static final String STATEMENT =
      "The rough diamonds in this shipment have been handled in accordance with the provisions"
          + " of the Kimberley Process Certification Scheme for rough diamonds.";

  private static final Map<String, String> HS =
      Map.of(
          "7102.10", "unsorted",
          "7102.21", "industrial, unworked or simply sawn, cleaved or bruted",
          "7102.31", "non-industrial, unworked or simply sawn, cleaved or bruted");

  private CertificatePdf() {}

  /** The PDF of {@code c}, whose QR code holds {@code checkUrl}. */
  static byte[] render(CertificateRecord c, String checkUrl, Instant printedAt) {
    Pdf pdf = new Pdf(TITLE + " " + c.certificateNumber());
    pdf.title(TITLE);
    Paragraph number = new Paragraph("No. " + c.certificateNumber(), Pdf.HEADING);
    number.setAlignment(Element.ALIGN_CENTER);
    pdf.document.add(number);
    statementAndCode(pdf, checkUrl);
    pdf.heading("Annex I fields");
    pdf.fields(fields(c));
    pdf.heading("Validation by the exporting authority");
    pdf.text(validation(c), Pdf.BODY);
    pdf.text("Check this certificate: " + checkUrl, Pdf.BODY);
    pdf.text(
        "Printed " + printedAt + " from the KP custody ledger; the ledger's record prevails.",
        Pdf.SMALL);
    if ("VOID".equals(c.status())) {
      stamp(pdf.writer.getDirectContent(), "VOID");
    }
    return pdf.finish();
  }

  static List<String[]> fields(CertificateRecord c) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Unique certificate number", c.certificateNumber()});
    rows.add(new String[] {"Country of origin", c.countryOfOrigin()});
    rows.add(new String[] {"Date of issuance", String.valueOf(c.issuedOn())});
    rows.add(new String[] {"Date of expiry", String.valueOf(c.expiresOn())});
    rows.add(new String[] {"Issuing authority", c.issuingAuthority()});
    rows.add(new String[] {"Exporter", c.exporter()});
    rows.add(new String[] {"Importer", c.importerName() + ", " + c.importerCountry()});
    rows.add(new String[] {"Carat weight", plain(c.carats()) + " ct"});
    rows.add(new String[] {"Value (US$)", plain(c.valueUsd())});
    rows.add(new String[] {"Number of parcels", String.valueOf(c.parcelCount())});
    rows.add(
        new String[] {"HS code", c.hsCode() + " (" + HS.getOrDefault(c.hsCode(), "unknown") + ")"});
    return rows;
  }

  private static String validation(CertificateRecord c) {
    String s =
        "Validated by "
            + c.issuingAuthority()
            + " on "
            + c.issuedOn()
            + ". Standing: "
            + c.status()
            + ", "
            + c.validity()
            + ".";
    if (c.endorsements() > 0) {
      s += " Endorsed " + c.endorsements() + " time(s): the fields above are as endorsed.";
    }
    if (c.voidReason() != null) {
      s += " Void: " + c.voidReason() + ".";
    }
    return s;
  }

  /** The statement beside the QR code of the public check. */
  private static void statementAndCode(Pdf pdf, String checkUrl) {
    float size = 110;
    PdfTemplate code = pdf.writer.getDirectContent().createTemplate(size, size);
    QrCode.of(checkUrl).draw(code, 0, 0, size);
    PdfPTable t = new PdfPTable(new float[] {4, 1.6f});
    t.setWidthPercentage(100);
    t.setSpacingBefore(10);
    PdfPCell statement = new PdfPCell(new Phrase(STATEMENT, Pdf.HEADING));
    statement.setBorder(0);
    statement.setVerticalAlignment(Element.ALIGN_MIDDLE);
    statement.setPaddingRight(12);
    t.addCell(statement);
    PdfPCell image = new PdfPCell(Image.getInstance(code), false);
    image.setBorder(0);
    image.setHorizontalAlignment(Element.ALIGN_RIGHT);
    t.addCell(image);
    pdf.document.add(t);
  }

  private static void stamp(PdfContentByte canvas, String word) {
    try {
      BaseFont font = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false);
      canvas.saveState();
      canvas.setColorFill(new Color(200, 30, 30));
      canvas.beginText();
      canvas.setFontAndSize(font, 96);
      canvas.showTextAligned(Element.ALIGN_CENTER, word, 300, 420, 35);
      canvas.endText();
      canvas.restoreState();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String plain(BigDecimal v) {
    return v == null ? "-" : v.toPlainString();
  }
}

package org.kpledger.api.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.Map;

/**
 * A QR code (ISO/IEC 18004, ZXing's encoder, error correction M) drawn as vector squares on a PDF
 * page, so it stays sharp at any print size.
 */
final class QrCode {
  private final BitMatrix matrix;

  private QrCode(BitMatrix matrix) {
    this.matrix = matrix;
  }

  /** The code of {@code text}, with the four-module quiet zone the standard asks for. */
  static QrCode of(String text) {
    try {
      return new QrCode(
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4)));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode as a QR code: " + text, e);
    }
  }

  /** Draws it with its lower left corner at (x, y), {@code size} points wide. */
  void draw(PdfContentByte canvas, float x, float y, float size) {
    int n = matrix.getWidth();
    float module = size / n;
    canvas.saveState();
    canvas.setColorFill(Color.WHITE);
    canvas.rectangle(x, y, size, size);
    canvas.fill();
    canvas.setColorFill(Color.BLACK);
    for (int row = 0; row < n; row++) {
      for (int col = 0; col < n; col++) {
        if (matrix.get(col, row)) {
          canvas.rectangle(x + col * module, y + size - (row + 1) * module, module, module);
        }
      }
    }
    canvas.fill();
    canvas.restoreState();
  }
}

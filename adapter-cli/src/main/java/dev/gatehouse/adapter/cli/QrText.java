package dev.gatehouse.adapter.cli;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as lines of text a terminal can show: each character is two modules, one above the
 * other (the half blocks ▀ ▄ █), drawn black on white whatever the terminal's own colours, with
 * the 4-module quiet zone a phone's camera needs.
 */
final class QrText {

    private static final int QUIET_ZONE = 4;
    private static final String BLACK_ON_WHITE = "\u001b[30;47m";
    private static final String RESET = "\u001b[0m";

    private QrText() {
    }

    static String of(String text) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.LOW);
        int size = code.size + 2 * QUIET_ZONE;
        StringBuilder lines = new StringBuilder();
        for (int y = 0; y < size; y += 2) {
            lines.append(BLACK_ON_WHITE);
            for (int x = 0; x < size; x++) {
                boolean top = dark(code, x, y);
                boolean bottom = y + 1 < size && dark(code, x, y + 1);
                lines.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            lines.append(RESET).append('\n');
        }
        return lines.toString();
    }

    private static boolean dark(QrCode code, int x, int y) {
        return code.getModule(x - QUIET_ZONE, y - QUIET_ZONE);
    }
}

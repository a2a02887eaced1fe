package org.zhengtong.shared.xlsx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams a worksheet's XML and hands over each row's non-blank cells as the text a person sees in Excel.
 * Numbers in the General format lose no digits and gain no {@code .0}; date-formatted numbers become ISO dates;
 * formulas give their cached value; error values such as {@code #REF!} are flagged.
 */
final class XlsxSheetHandler extends DefaultHandler {

    /** A non-blank cell: 0-based column index and trimmed text. */
    record Cell(int column, String text, boolean error) {
    }

    interface RowListener {
        /** Receives a row (0-based index) and its non-blank cells; returns false to stop reading. */
        boolean row(int rowIndex, List<Cell> cells);
    }

    /** Thrown to end parsing early when the listener asks to stop. */
    static final class Stop extends SAXException {
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private final SharedStrings strings;
    private final @Nullable StylesTable styles;
    private final boolean date1904;
    private final RowListener listener;
    private final DataFormatter formatter = new DataFormatter(Locale.US);

    private int rowIndex = -1;
    private List<Cell> cells = new ArrayList<>();
    private int column = -1;
    private String type = "n";
    private int style;
    private final StringBuilder value = new StringBuilder();
    private boolean inValue;
    private boolean inInlineString;
    private boolean inPhonetic;

    XlsxSheetHandler(SharedStrings strings, @Nullable StylesTable styles, boolean date1904, RowListener listener) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.listener = listener;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (!MAIN.equals(uri) && !STRICT.equals(uri)) {
            return;
        }
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                rowIndex = r == null ? rowIndex + 1 : Integer.parseInt(r.trim()) - 1;
                cells = new ArrayList<>();
                column = -1;
            }
            case "c" -> {
                String r = attributes.getValue("r");
                column = r == null ? column + 1 : columnIndex(r);
                String t = attributes.getValue("t");
                type = t == null ? "n" : t;
                String s = attributes.getValue("s");
                style = s == null ? 0 : Integer.parseInt(s.trim());
                value.setLength(0);
            }
            case "v" -> inValue = true;
            case "is" -> inInlineString = true;
            case "rPh" -> inPhonetic = true;
            case "t" -> inValue = inInlineString && !inPhonetic;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue) {
            value.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (!MAIN.equals(uri) && !STRICT.equals(uri)) {
            return;
        }
        switch (localName) {
            case "v", "t" -> inValue = false;
            case "is" -> inInlineString = false;
            case "rPh" -> inPhonetic = false;
            case "c" -> {
                String text = text();
                if (text != null) {
                    text = XlsxText.trim(text);
                    if (!text.isEmpty()) {
                        cells.add(new Cell(column, text, "e".equals(type)));
                    }
                }
            }
            case "row" -> {
                if (!listener.row(rowIndex, cells)) {
                    throw new Stop();
                }
            }
            default -> {
            }
        }
    }

    private @Nullable String text() {
        String raw = value.toString();
        if (raw.isEmpty()) {
            return null;
        }
        return switch (type) {
            case "s" -> strings.getItemAt(Integer.parseInt(raw.trim())).getString();
            case "b" -> "1".equals(raw.trim()) || "true".equals(raw.trim()) ? "TRUE" : "FALSE";
            case "n" -> number(Double.parseDouble(raw.trim()));
            default -> raw; // inlineStr, str (a formula's text result), e (an error such as #N/A), d (ISO 8601)
        };
    }

    private String number(double v) {
        XSSFCellStyle cellStyle = styles == null || style >= styles.getNumCellStyles() ? null : styles.getStyleAt(style);
        int formatIndex = cellStyle == null ? 0 : cellStyle.getDataFormat();
        String format = cellStyle == null ? null : cellStyle.getDataFormatString();
        if (format == null) {
            format = BuiltinFormats.getBuiltinFormat(formatIndex);
        }
        if (format == null || "General".equalsIgnoreCase(format) || "@".equals(format)) {
            return plain(v);
        }
        if (DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(v)) {
            return dateTime(v);
        }
        return formatter.formatRawCellContents(v, formatIndex, format, date1904);
    }

    /** All the digits Excel keeps (15 significant), no exponent, no trailing zeros: 13800138000, 110101, 0.3. */
    private static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    /** yyyy-MM-dd for a date, HH:mm[:ss] for a time of day, both for a date with a time. */
    private String dateTime(double v) {
        LocalDateTime t = DateUtil.getLocalDateTime(v, date1904, true);
        if (v < 1) {
            return t.toLocalTime().toString();
        }
        if (t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return t.toLocalDate().toString();
        }
        return t.toLocalDate() + " " + t.toLocalTime();
    }

    /** The 0-based column index of a cell reference such as {@code AB12}. */
    private static int columnIndex(String reference) {
        int index = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }
}

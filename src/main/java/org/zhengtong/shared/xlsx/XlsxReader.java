package org.zhengtong.shared.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.zhengtong.shared.xlsx.XlsxSheetHandler.Cell;

/**
 * Reads an xlsx table: row 1 holds the headers, every following non-blank row is data. The sheet is streamed, so
 * memory stays bounded by the table's {@code maxRows}; POI's zip-bomb limits stay in force. A file that cannot be
 * read as the table never raises an exception: it comes back as a file-level {@link XlsxProblem}.
 */
public final class XlsxReader {

    private static final Logger log = LoggerFactory.getLogger(XlsxReader.class);

    private XlsxReader() {
    }

    /**
     * Reads the table from the stream, which the caller closes.
     *
     * @param fileName the file's name as uploaded, used in problem messages
     */
    public static XlsxReadResult read(String fileName, InputStream in, XlsxTable table) {
        Reading reading = new Reading(fileName, table);
        try {
            reading.readFile(in);
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            // A zip file, but not an Office Open XML package, or not a workbook (a .docx, say)
            reading.fileProblem("xlsx.file.not-xlsx");
        } catch (Exception e) {
            // Corrupt zip, malformed XML, a zip-bomb limit: all the same to the person who uploaded the file.
            log.debug("Could not read xlsx file {}", fileName, e);
            reading.fileProblem("xlsx.file.unreadable");
        }
        return reading.validate();
    }

    private static final class Reading implements XlsxSheetHandler.RowListener {

        private record RawRow(int rowNumber, List<Cell> cells) {
        }

        private final String file;
        private final XlsxTable table;
        private @Nullable String sheet;
        private List<Cell> header = List.of();
        private final List<RawRow> rawRows = new ArrayList<>();
        private final List<XlsxProblem> problems = new ArrayList<>();

        Reading(String file, XlsxTable table) {
            this.file = file;
            this.table = table;
        }

        void readFile(InputStream in) throws Exception {
            InputStream checked = FileMagic.prepareToCheckMagic(in);
            FileMagic magic;
            try {
                magic = FileMagic.valueOf(checked);
            } catch (EmptyFileException e) {
                fileProblem("xlsx.file.empty");
                return;
            }
            switch (magic) {
                case OOXML -> readXlsx(checked);
                case OLE2 -> readOle2(checked);
                case BIFF2, BIFF3, BIFF4 -> fileProblem("xlsx.file.old-xls");
                default -> fileProblem("xlsx.file.not-xlsx");
            }
        }

        /** An OLE2 file is an Excel 97-2003 workbook, or a password-protected xlsx, or something else. */
        private void readOle2(InputStream in) throws IOException {
            try (POIFSFileSystem fs = new POIFSFileSystem(in)) {
                DirectoryNode root = fs.getRoot();
                if (root.hasEntry(Decryptor.DEFAULT_POIFS_ENTRY)) {
                    fileProblem("xlsx.file.encrypted");
                } else if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
                    fileProblem("xlsx.file.old-xls");
                } else {
                    fileProblem("xlsx.file.not-xlsx");
                }
            }
        }

        private void readXlsx(InputStream in) throws Exception {
            OPCPackage pkg = OPCPackage.open(in, false);
            try {
                XSSFReader reader = new XSSFReader(pkg);
                boolean date1904 = date1904(reader);
                List<String> names = new ArrayList<>();
                List<PackagePart> parts = new ArrayList<>();
                XSSFReader.SheetIterator sheets = reader.getSheetIterator();
                while (sheets.hasNext()) {
                    sheets.next().close();
                    names.add(sheets.getSheetName());
                    parts.add(sheets.getSheetPart());
                }
                if (names.isEmpty()) {
                    fileProblem("xlsx.file.not-xlsx"); // a workbook has a sheet; this is some other document
                    return;
                }
                int index = names.size() == 1 ? 0 : sheetIndex(names);
                if (index < 0) {
                    fileProblem("xlsx.sheet.missing", table.sheetZh(), table.sheetEn());
                    return;
                }
                sheet = names.get(index);
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XlsxSheetHandler(new ReadOnlySharedStringsTable(pkg, false),
                        reader.getStylesTable(), date1904, this));
                try (InputStream data = parts.get(index).getInputStream()) {
                    xml.parse(new InputSource(data));
                } catch (XlsxSheetHandler.Stop stop) {
                    // too many rows; already noted
                }
            } finally {
                pkg.revert();
            }
        }

        private int sheetIndex(List<String> names) {
            for (int i = 0; i < names.size(); i++) {
                String name = XlsxText.header(names.get(i));
                if (name.equals(XlsxText.header(table.sheetZh())) || name.equals(XlsxText.header(table.sheetEn()))) {
                    return i;
                }
            }
            return -1;
        }

        /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
        private static boolean date1904(XSSFReader reader) throws Exception {
            boolean[] date1904 = {false};
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equals(value);
                    }
                }
            });
            try (InputStream in = reader.getWorkbookData()) {
                xml.parse(new InputSource(in));
            }
            return date1904[0];
        }

        @Override
        public boolean row(int rowIndex, List<Cell> cells) {
            if (rowIndex == 0) {
                header = cells;
            } else if (!cells.isEmpty()) {
                if (rawRows.size() == table.maxRows()) {
                    fileProblem("xlsx.rows.too-many", table.maxRows());
                    return false;
                }
                rawRows.add(new RawRow(rowIndex + 1, cells));
            }
            return true;
        }

        /** Checks the header and every row; runs outside the file reading so that a failing check is not hidden. */
        XlsxReadResult validate() {
            List<XlsxRow> rows = new ArrayList<>();
            if (problems.isEmpty()) {
                Map<Integer, XlsxColumn> columns = columns();
                if (problems.isEmpty()) {
                    for (RawRow raw : rawRows) {
                        rows.add(row(raw, columns));
                    }
                    if (rows.isEmpty()) {
                        fileProblem("xlsx.rows.none");
                    }
                }
            }
            if (problems.stream().anyMatch(XlsxProblem::isFileLevel)) {
                rows.clear();
                problems.removeIf(p -> !p.isFileLevel());
            }
            return new XlsxReadResult(file, sheet, table, rows, problems);
        }

        /** Maps column indexes to the table's columns, noting unknown, duplicate and missing columns. */
        private Map<Integer, XlsxColumn> columns() {
            Map<String, XlsxColumn> byHeader = new HashMap<>();
            for (XlsxColumn column : table.columns()) {
                byHeader.put(XlsxText.header(column.headerZh()), column);
                byHeader.put(XlsxText.header(column.headerEn()), column);
            }
            Map<Integer, XlsxColumn> columns = new HashMap<>();
            Map<XlsxColumn, Integer> found = new HashMap<>();
            for (Cell cell : header) {
                XlsxColumn column = byHeader.get(XlsxText.header(cell.text()));
                String letters = XlsxText.columnLetters(cell.column());
                if (column == null) {
                    fileProblem("xlsx.column.unknown", letters, cell.text());
                } else if (found.containsKey(column)) {
                    columnProblem(column, "xlsx.column.duplicate",
                            XlsxText.columnLetters(found.get(column)), letters);
                } else {
                    found.put(column, cell.column());
                    columns.put(cell.column(), column);
                }
            }
            for (XlsxColumn column : table.columns()) {
                if (column.required() && !found.containsKey(column)) {
                    columnProblem(column, "xlsx.column.missing");
                }
            }
            Set<Integer> headed = new HashSet<>();
            header.forEach(cell -> headed.add(cell.column()));
            Set<Integer> headless = new HashSet<>();
            for (RawRow raw : rawRows) {
                for (Cell cell : raw.cells()) {
                    if (!headed.contains(cell.column()) && headless.add(cell.column())) {
                        fileProblem("xlsx.column.no-header", XlsxText.columnLetters(cell.column()));
                    }
                }
            }
            return columns;
        }

        private XlsxRow row(RawRow raw, Map<Integer, XlsxColumn> columns) {
            Map<String, String> values = new LinkedHashMap<>();
            Set<XlsxColumn> present = new LinkedHashSet<>();
            for (Cell cell : raw.cells()) {
                XlsxColumn column = columns.get(cell.column());
                if (column == null) {
                    continue; // cannot happen: data under a blank header is a file-level problem
                }
                present.add(column);
                if (cell.error()) {
                    rowProblem(raw, column, "xlsx.value.error", cell.text());
                    continue;
                }
                values.put(column.key(), cell.text());
                var check = column.check();
                int length = cell.text().codePointCount(0, cell.text().length());
                if (length > column.maxLength()) {
                    rowProblem(raw, column, "xlsx.value.too-long", length, column.maxLength());
                } else if (check != null) {
                    XlsxColumn.Invalid invalid = check.apply(cell.text());
                    if (invalid != null) {
                        rowProblem(raw, column, invalid.messageKey(), invalid.args().toArray());
                    }
                }
            }
            for (XlsxColumn column : columns.values()) {
                if (column.required() && !present.contains(column)) {
                    rowProblem(raw, column, "xlsx.value.required");
                }
            }
            return new XlsxRow(table, raw.rowNumber(), values);
        }

        void fileProblem(String messageKey, Object... args) {
            problems.add(new XlsxProblem(file, sheet, 0, null, null, messageKey, List.of(args)));
        }

        private void columnProblem(XlsxColumn column, String messageKey, Object... args) {
            problems.add(new XlsxProblem(file, sheet, 0, column.headerZh(), column.headerEn(), messageKey,
                    List.of(args)));
        }

        private void rowProblem(RawRow raw, XlsxColumn column, String messageKey, Object... args) {
            problems.add(new XlsxProblem(file, sheet, raw.rowNumber(), column.headerZh(), column.headerEn(),
                    messageKey, List.of(args)));
        }
    }
}

package org.zhengtong.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.audit.AuditRecord;

/**
 * The audit log as an xlsx workbook (审计日志导出表). Rows are streamed to temporary files as they are added,
 * so the size of the export is bounded by the disk rather than the heap.
 *
 * <p>The columns are always in Chinese, whatever the language of the page it was asked from: the file goes
 * to other offices and into the records, where one fixed layout is expected.
 */
final class AuditWorkbook implements AutoCloseable {

    private static final String[] COLUMNS = {"序号", "时间（北京时间）", "操作人", "所属单位", "操作", "对象", "结果", "地址", "详情", "哈希"};
    private static final int[] WIDTHS = {10, 21, 16, 12, 28, 28, 8, 16, 50, 66};
    private static final Map<Outcome, String> OUTCOMES =
            Map.of(Outcome.SUCCESS, "成功", Outcome.FAILURE, "失败", Outcome.DENIED, "拒绝");
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final CellStyle header;
    private final CellStyle time;
    private SXSSFSheet sheet;
    private int row;

    AuditWorkbook() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        time = workbook.createCellStyle();
        time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        sheet = newSheet();
    }

    void add(AuditRecord r) {
        if (row > LAST_ROW) {
            // A sheet holds about a million rows; a longer log continues on the next sheet.
            sheet = newSheet();
        }
        Row cells = sheet.createRow(row++);
        cells.createCell(0).setCellValue(r.seq());
        cells.createCell(1).setCellValue(r.at().atZone(AuditSearch.BEIJING).toLocalDateTime());
        cells.getCell(1).setCellStyle(time);
        cells.createCell(2).setCellValue(r.actor());
        cells.createCell(3).setCellValue(r.orgUnit());
        cells.createCell(4).setCellValue(r.action());
        cells.createCell(5).setCellValue(r.target());
        cells.createCell(6).setCellValue(OUTCOMES.get(r.outcome()));
        cells.createCell(7).setCellValue(r.address());
        cells.createCell(8).setCellValue(r.detail());
        cells.createCell(9).setCellValue(r.hash());
    }

    void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    /** Also deletes the temporary files. */
    @Override
    public void close() throws IOException {
        workbook.close();
    }

    private SXSSFSheet newSheet() {
        int number = workbook.getNumberOfSheets() + 1;
        SXSSFSheet next = workbook.createSheet(number == 1 ? "审计日志" : "审计日志 " + number);
        Row names = next.createRow(0);
        for (int i = 0; i < COLUMNS.length; i++) {
            names.createCell(i).setCellValue(COLUMNS[i]);
            names.getCell(i).setCellStyle(header);
            next.setColumnWidth(i, WIDTHS[i] * 256);
        }
        next.createFreezePane(0, 1);
        row = 1;
        return next;
    }
}

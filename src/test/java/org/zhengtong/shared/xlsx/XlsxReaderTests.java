package org.zhengtong.shared.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.zhengtong.shared.xlsx.Workbooks.read;
import static org.zhengtong.shared.xlsx.Workbooks.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.zhengtong.shared.xlsx.Workbooks.Formatted;
import org.zhengtong.shared.xlsx.Workbooks.Formula;

class XlsxReaderTests {

    private static final List<String> HEADER = List.of("用户名", "姓名", "手机", "区划代码（12位）", "出生日期");

    @Test
    void readsRowsUnderChineseHeaders() {
        XlsxReadResult result = read(xlsx(HEADER,
                List.of("alice", "张三", "13800138000", "110101001000", "1990-01-02"),
                List.of("bob", "李四")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.isAcceptable()).isTrue();
        assertThat(result.rows()).hasSize(2);
        XlsxRow alice = result.rows().get(0);
        assertThat(alice.rowNumber()).isEqualTo(2);
        assertThat(alice.get("username")).isEqualTo("alice");
        assertThat(alice.get("name")).isEqualTo("张三");
        assertThat(alice.get("mobile")).isEqualTo("13800138000");
        assertThat(alice.get("division")).isEqualTo("110101001000");
        assertThat(alice.get("birthday")).isEqualTo("1990-01-02");
        XlsxRow bob = result.rows().get(1);
        assertThat(bob.rowNumber()).isEqualTo(3);
        assertThat(bob.get("mobile")).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> bob.get("nickname"));
    }

    @Test
    void acceptsEnglishHeadersInAnyCaseWithRequiredMarksAndEitherParentheses() {
        XlsxReadResult result = read(xlsx(
                List.of(" USERNAME* ", "*name", "Mobile", "区划代码(12位)", "date  of birth"),
                List.of("alice", "张三", "13800138000", "110101", "")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.get("username")).isEqualTo("alice");
            assertThat(row.get("division")).isEqualTo("110101");
            assertThat(row.get("birthday")).isNull();
        });
    }

    @Test
    void anOptionalColumnMayBeLeftOut() {
        XlsxReadResult result = read(xlsx(List.of("姓名", "用户名"), List.of("张三", "alice")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows().getFirst().get("username")).isEqualTo("alice");
        assertThat(result.rows().getFirst().get("mobile")).isNull();
    }

    @Test
    void numbersComeBackAsTyped() {
        XlsxReadResult result = read(xlsx(
                List.of("用户名", "姓名", "手机", "区划代码（12位）"),
                List.of(1001, 3.5, 13800138000L, 110101),
                List.of(new Formatted(7, "@"), new Formatted(0.25, "0%"), 13800138000L, 110101001000L),
                List.of(new Formatted(42, "0"), new Formatted(1234.5, "#,##0.00"), 13800138000L,
                        new Formatted(10000, "000000"))));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(r -> r.get("username"), r -> r.get("name"), r -> r.get("mobile"),
                r -> r.get("division")).containsExactly(
                        tuple("1001", "3.5", "13800138000", "110101"),
                        tuple("7", "25%", "13800138000", "110101001000"),
                        tuple("42", "1,234.50", "13800138000", "010000"));
    }

    @Test
    void datesComeBackAsIsoDates() {
        XlsxReadResult result = read(xlsx(
                List.of("用户名", "姓名", "出生日期"),
                List.of("a", "甲", LocalDate.of(1990, 1, 2)),
                List.of("b", "乙", new Formatted(LocalDate.of(2024, 2, 29), "yyyy\"年\"m\"月\"d\"日\"")),
                List.of("c", "丙", LocalDateTime.of(2024, 3, 5, 8, 30)),
                List.of("d", "丁", new Formatted(0.5, "h:mm"))));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(r -> r.get("birthday"))
                .containsExactly("1990-01-02", "2024-02-29", "2024-03-05 08:30", "12:00");
    }

    @Test
    void datesOfA1904WorkbookAreNotShifted() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getCTWorkbook().getWorkbookPr().setDate1904(true);
            assertThat(workbook.isDate1904()).isTrue();
            Workbooks.fill(workbook, workbook.createSheet("人员"),
                    List.of("用户名", "姓名", "出生日期"), List.of("a", "甲", LocalDate.of(1990, 1, 2)));

            XlsxReadResult result = read(Workbooks.bytes(workbook));

            assertThat(result.rows().getFirst().get("birthday")).isEqualTo("1990-01-02");
        }
    }

    @Test
    void formulasGiveTheirValues() {
        XlsxReadResult result = read(xlsx(
                List.of("用户名", "姓名", "手机", "区划代码（12位）"),
                List.of(new Formula("\"al\"&\"ice\""), new Formula("\"张\"&\"三\""), new Formula("13800138000+0"),
                        new Formula("0.1+0.2"))));

        assertThat(result.problems()).isEmpty();
        XlsxRow row = result.rows().getFirst();
        assertThat(row.get("username")).isEqualTo("alice");
        assertThat(row.get("name")).isEqualTo("张三");
        assertThat(row.get("mobile")).isEqualTo("13800138000");
        assertThat(row.get("division")).isEqualTo("0.3");
    }

    @Test
    void aFormulaErrorIsAProblemOfItsCell() {
        XlsxReadResult result = read(xlsx(HEADER, List.of("alice", new Formula("1/0"))));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("姓名");
            assertThat(p.messageKey()).isEqualTo("xlsx.value.error");
            assertThat(p.args()).containsExactly("#DIV/0!");
        });
    }

    @Test
    void booleansAndSpacesAreReadAsAPersonSeesThem() {
        XlsxReadResult result = read(xlsx(HEADER, List.of("\u00A0 alice \u3000", "张 三\u200B", true)));

        XlsxRow row = result.rows().getFirst();
        assertThat(row.get("username")).isEqualTo("alice");
        assertThat(row.get("name")).isEqualTo("张 三");
        assertThat(row.get("mobile")).isEqualTo("TRUE");
    }

    @Test
    void blankRowsAreSkipped() {
        XlsxReadResult result = read(xlsx(HEADER,
                List.of("alice", "张三"),
                List.of(" ", "\u3000"),
                Arrays.asList(null, null),
                List.of("bob", "李四")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(XlsxRow::rowNumber).containsExactly(2, 5);
    }

    @Test
    void aMissingRequiredColumnIsAFileProblem() {
        XlsxReadResult result = read(xlsx(List.of("用户名", "手机"), List.of("alice", "13800138000")));

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isZero();
            assertThat(p.sheet()).isEqualTo("人员");
            assertThat(p.field()).isEqualTo("姓名");
            assertThat(p.fieldEn()).isEqualTo("Name");
            assertThat(p.messageKey()).isEqualTo("xlsx.column.missing");
        });
    }

    @Test
    void anUnknownColumnIsAFileProblem() {
        XlsxReadResult result = read(xlsx(List.of("用户名", "姓名", "邮箱"), List.of("alice", "张三", "a@b.cn")));

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("xlsx.column.unknown");
            assertThat(p.args()).containsExactly("C", "邮箱");
        });
    }

    @Test
    void aColumnGivenTwiceIsAFileProblem() {
        XlsxReadResult result = read(xlsx(List.of("用户名", "姓名", "Username"), List.of("alice", "张三", "bob")));

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("xlsx.column.duplicate");
            assertThat(p.field()).isEqualTo("用户名");
            assertThat(p.args()).containsExactly("A", "C");
        });
    }

    @Test
    void dataUnderABlankHeaderIsAFileProblem() {
        XlsxReadResult result = read(xlsx(Arrays.asList("用户名", "姓名", null, "手机"),
                List.of("alice", "张三", "lost", "13800138000")));

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).extracting(XlsxProblem::messageKey, p -> p.args())
                .containsExactly(tuple("xlsx.column.no-header", List.of("C")));
    }

    @Test
    void aTooLongValueNamesItsRowAndField() {
        XlsxReadResult result = read(xlsx(HEADER,
                List.of("alice", "一二三四五六七八九十"),
                List.of("bob", "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉"),
                List.of("carol", "一二三四五六七八九十一")));

        assertThat(result.rows()).hasSize(3);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(4);
            assertThat(p.field()).isEqualTo("姓名");
            assertThat(p.messageKey()).isEqualTo("xlsx.value.too-long");
            assertThat(p.args()).containsExactly(11, 10);
        });
    }

    @Test
    void aBlankRequiredCellIsAProblem() {
        XlsxReadResult result = read(xlsx(HEADER, Arrays.asList("alice", " ", "13800138000")));

        assertThat(result.isAcceptable()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("姓名");
            assertThat(p.messageKey()).isEqualTo("xlsx.value.required");
        });
    }

    @Test
    void aColumnCheckReportsItsOwnMessage() {
        XlsxReadResult result = read(xlsx(HEADER,
                List.of("alice", "张三", "13800138000"),
                List.of("bob", "李四", "12345")));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("手机");
            assertThat(p.messageKey()).isEqualTo("test.mobile.invalid");
            assertThat(p.args()).containsExactly("12345");
        });
    }

    @Test
    void callersAddTheirProblemsToTheSameList() {
        XlsxReadResult result = read(xlsx(HEADER,
                List.of("alice", "张三"),
                List.of("bob", ""),
                List.of("alice", "李四")));
        XlsxRow third = result.rows().get(2);

        result.addProblem(third, "username", "test.duplicate", "2");

        assertThat(result.isAcceptable()).isFalse();
        assertThat(result.problems()).extracting(XlsxProblem::row, XlsxProblem::field, XlsxProblem::messageKey)
                .containsExactly(
                        tuple(3, "姓名", "xlsx.value.required"),
                        tuple(4, "用户名", "test.duplicate"));
        assertThatIllegalArgumentException().isThrownBy(() -> result.addProblem(third, "nickname", "x"));
    }

    @Test
    void aHeaderWithoutDataRowsIsAFileProblem() {
        XlsxReadResult result = read(xlsx(HEADER, List.of(" ")));

        assertThat(result.problems()).extracting(XlsxProblem::messageKey).containsExactly("xlsx.rows.none");
    }

    @Test
    void anEmptySheetLacksTheRequiredColumns() {
        XlsxReadResult result = read(xlsx());

        assertThat(result.problems()).extracting(XlsxProblem::messageKey)
                .containsExactly("xlsx.column.missing", "xlsx.column.missing");
    }

    @Test
    void tooManyRowsAreAFileProblem() {
        XlsxTable table = Workbooks.PEOPLE.withMaxRows(3);
        List<String> row = List.of("alice", "张三");

        assertThat(read(xlsx(HEADER, row, row, row), table).problems()).isEmpty();
        XlsxReadResult result = read(xlsx(HEADER, row, row, row, row), table);
        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isZero();
            assertThat(p.messageKey()).isEqualTo("xlsx.rows.too-many");
            assertThat(p.args()).containsExactly(3);
        });
    }

    @Test
    void theOnlySheetIsReadWhateverItsName() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Workbooks.fill(workbook, workbook.createSheet("Sheet1"), HEADER, List.of("alice", "张三"));

            XlsxReadResult result = read(Workbooks.bytes(workbook));

            assertThat(result.problems()).isEmpty();
            assertThat(result.rows()).hasSize(1);
        }
    }

    @Test
    void ofSeveralSheetsTheOneNamedLikeTheTableIsRead() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Workbooks.fill(workbook, workbook.createSheet("说明"), List.of("填写说明"));
            Workbooks.fill(workbook, workbook.createSheet("people"), HEADER, List.of("alice", "张三"));

            XlsxReadResult result = read(Workbooks.bytes(workbook));

            assertThat(result.problems()).isEmpty();
            assertThat(result.rows()).singleElement().satisfies(r -> assertThat(r.get("name")).isEqualTo("张三"));
        }
    }

    @Test
    void ofSeveralSheetsNoneNamedLikeTheTableIsAFileProblem() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Workbooks.fill(workbook, workbook.createSheet("Sheet1"), HEADER, List.of("alice", "张三"));
            Workbooks.fill(workbook, workbook.createSheet("Sheet2"), HEADER, List.of("bob", "李四"));

            XlsxReadResult result = read(Workbooks.bytes(workbook));

            assertThat(result.rows()).isEmpty();
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.sheet()).isNull();
                assertThat(p.messageKey()).isEqualTo("xlsx.sheet.missing");
                assertThat(p.args()).containsExactly("人员", "People");
            });
        }
    }

    @Test
    void aTextFileNamedXlsxIsNotAnXlsxFile() {
        assertFileProblem("用户名,姓名\nalice,张三\n".getBytes(StandardCharsets.UTF_8), "xlsx.file.not-xlsx");
    }

    @Test
    void anEmptyFileIsAFileProblem() {
        assertFileProblem(new byte[0], "xlsx.file.empty");
    }

    @Test
    void randomBytesAreNotAnXlsxFile() {
        for (int size : new int[] {1, 7, 4096}) {
            byte[] noise = new byte[size];
            new Random(size).nextBytes(noise);
            noise[0] = 'x';
            assertFileProblem(noise, "xlsx.file.not-xlsx");
        }
    }

    @Test
    void randomBytesAfterAZipSignatureAreNotAnXlsxFile() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, noise, 0, 4);
        assertFileProblem(noise, "xlsx.file.not-xlsx");
    }

    @Test
    void aZipBombIsAFileProblem() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx(HEADER, List.of("a", "甲"))));
                ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (entry.getName().endsWith("sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    data = xml.replace("</worksheet>", " ".repeat(20_000_000) + "</worksheet>")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(data);
            }
        }
        assertThat(bomb.size()).isLessThan(100_000);
        assertFileProblem(bomb.toByteArray(), "xlsx.file.unreadable");
    }

    @Test
    void anOldXlsFileIsAFileProblem() throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            Workbooks.fill(workbook, workbook.createSheet("人员"), HEADER, List.of("alice", "张三"));
            assertFileProblem(Workbooks.bytes(workbook), "xlsx.file.old-xls");
        }
    }

    @Test
    void aPasswordProtectedFileIsAFileProblem() throws Exception {
        byte[] plain = xlsx(HEADER, List.of("alice", "张三"));
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(plain));
                    OutputStream out = encryptor.getDataStream(fs)) {
                pkg.save(out);
            }
            fs.writeFilesystem(encrypted);
        }
        assertFileProblem(encrypted.toByteArray(), "xlsx.file.encrypted");
    }

    @Test
    void aDamagedFileIsAFileProblem() {
        byte[] whole = xlsx(HEADER, List.of("alice", "张三"));
        assertFileProblem(Arrays.copyOf(whole, whole.length / 2), "xlsx.file.unreadable");
    }

    @Test
    void aZipThatIsNoWorkbookIsAFileProblem() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertFileProblem(zip.toByteArray(), "xlsx.file.not-xlsx");
    }

    @Test
    void aWordDocumentIsNotAnXlsxFile() throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("用户名");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            assertFileProblem(out.toByteArray(), "xlsx.file.not-xlsx");
        }
    }

    private static void assertFileProblem(byte[] file, String messageKey) {
        XlsxReadResult result = read(file);

        assertThat(result.rows()).isEmpty();
        assertThat(result.isAcceptable()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("people.xlsx");
            assertThat(p.row()).isZero();
            assertThat(p.messageKey()).isEqualTo(messageKey);
            assertThat(p.message(Workbooks.messages(), Locale.SIMPLIFIED_CHINESE)).startsWith("文件 people.xlsx");
            assertThat(p.message(Workbooks.messages(), Locale.ENGLISH)).startsWith("File people.xlsx");
        });
    }
}

package org.zhengtong.shared.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

class XlsxMessagesTests {

    private final MessageSource messages = Workbooks.messages();

    @Test
    void aCellProblemNamesFileSheetRowAndFieldInBothLanguages() {
        List<Object> row = List.of("alice", "张三");
        XlsxReadResult result = Workbooks.read(Workbooks.xlsx(List.of("用户名", "姓名", "手机"),
                row, row, row, row, row, List.of("bob", "李四", "1380013800013800138000138")));
        XlsxProblem problem = result.problems().getFirst();

        assertThat(problem.message(messages, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("文件 people.xlsx，工作表“人员”，第 7 行，字段“手机”：长度 25 超过上限 20");
        assertThat(problem.message(messages, Locale.ENGLISH))
                .isEqualTo("File people.xlsx, sheet \"人员\", row 7, field \"Mobile\": length 25 exceeds the limit of 20");
    }

    @Test
    void aCallersProblemIsRenderedWithItsLocation() {
        XlsxReadResult result = Workbooks.read(Workbooks.xlsx(List.of("用户名", "姓名"), List.of("alice", "张三")));
        result.addProblem(result.rows().getFirst(), null, "test.duplicate", "1234");

        XlsxProblem problem = result.problems().getFirst();
        assertThat(problem.message(messages, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("文件 people.xlsx，工作表“人员”，第 2 行：用户名与第 1234 行重复");
        assertThat(problem.message(messages, Locale.ENGLISH))
                .isEqualTo("File people.xlsx, sheet \"人员\", row 2: the username is the same as in row 1234");
    }

    @Test
    void fileAndColumnProblemsAreRenderedWithoutARow() {
        XlsxProblem missing = Workbooks.read(Workbooks.xlsx(List.of("用户名"), List.of("alice")))
                .problems().getFirst();
        XlsxProblem empty = Workbooks.read(new byte[0]).problems().getFirst();

        assertThat(missing.message(messages, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("文件 people.xlsx，工作表“人员”，字段“姓名”：表头中缺少这一列");
        assertThat(missing.message(messages, Locale.ENGLISH))
                .isEqualTo("File people.xlsx, sheet \"人员\", field \"Name\": this column is missing from the header row");
        assertThat(empty.message(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("文件 people.xlsx：文件是空的");
        assertThat(empty.message(messages, Locale.ENGLISH)).isEqualTo("File people.xlsx: the file is empty");
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Properties zh = load("messages/xlsx.properties");
        Properties en = load("messages/xlsx_en.properties");

        assertThat(zh.stringPropertyNames()).isNotEmpty().allMatch(key -> key.startsWith("xlsx."));
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
    }

    @Test
    void theBundlesAreReadableUtf8WithoutApostrophes() throws IOException {
        Properties zh = load("messages/xlsx.properties");
        Properties en = load("messages/xlsx_en.properties");

        assertThat(zh.getProperty("xlsx.value.required")).isEqualTo("不能为空");
        // MessageFormat drops a single apostrophe, so none may appear in a message.
        assertThat(zh.values()).noneMatch(v -> v.toString().contains("'"));
        assertThat(en.values()).noneMatch(v -> v.toString().contains("'"));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = XlsxMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}

package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A rejected record's bytes read back for the person fixing it: decoded with its charset, split leniently into items. */
class RawRecordTests {

    static final List<String> ITEMS = List.of("公民身份号码", "姓名", "户籍地址");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aCsvLineIsSplitInTheDatasetsItemOrderWithQuotesUnderstood() {
        RawRecord.Text text = RawRecord.decode("11010519491231002X,\"王\"\"五\",\"海川市, 东湖区\"".getBytes(StandardCharsets.UTF_8), "UTF-8", "CSV");
        assertThat(text.readable()).isTrue();
        assertThat(RawRecord.values(text, "CSV", ITEMS, JSON)).containsExactly("11010519491231002X", "王\"五", "海川市, 东湖区");
        // Too few fields fill what they can; too many are cut.
        assertThat(RawRecord.values(new RawRecord.Text("a", true), "CSV", ITEMS, JSON)).containsExactly("a", "", "");
        assertThat(RawRecord.values(new RawRecord.Text("a,b,c,d", true), "CSV", ITEMS, JSON)).containsExactly("a", "b", "c");
    }

    @Test
    void gb18030IsReadWithItsCharsetAndBytesThatAreNotValidLeaveTheFormBlank() {
        byte[] gbk = "11010519491231002X,张三,海川市".getBytes(Charset.forName("GB18030"));
        RawRecord.Text text = RawRecord.decode(gbk, "GB18030", "CSV");
        assertThat(text.readable()).isTrue();
        assertThat(RawRecord.values(text, "CSV", ITEMS, JSON)).containsExactly("11010519491231002X", "张三", "海川市");

        RawRecord.Text wrong = RawRecord.decode(gbk, "UTF-8", "CSV");
        assertThat(wrong.readable()).isFalse();
        assertThat(wrong.text()).startsWith("11010519491231002X,").contains("\uFFFD");
        assertThat(RawRecord.values(wrong, "CSV", ITEMS, JSON)).containsExactly("", "", "");
    }

    @Test
    void jsonLinesAndXmlAreReadByItemName() {
        RawRecord.Text json = RawRecord.decode("{\"姓名\":\"李四\",\"公民身份号码\":\"110\",\"未知\":\"x\",\"户籍地址\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8),
                "UTF-8", "JSONL");
        assertThat(RawRecord.values(json, "JSONL", ITEMS, JSON)).containsExactly("110", "李四", "");
        assertThat(RawRecord.values(new RawRecord.Text("{not json", true), "JSONL", ITEMS, JSON)).containsExactly("", "", "");

        // XML records are kept as the hub rebuilt them, in UTF-8, whatever the batch declared.
        RawRecord.Text xml = RawRecord.decode("<record><户籍地址>海川市 &amp; 东湖区</户籍地址><姓名>赵六</姓名></record>".getBytes(StandardCharsets.UTF_8),
                "GB18030", "XML");
        assertThat(RawRecord.values(xml, "XML", ITEMS, JSON)).containsExactly("", "赵六", "海川市 & 东湖区");
    }

    @Test
    void aCorrectedRecordIsWrittenAsOneQuotedCsvRecordUnderTheItemNames() {
        String csv = RawRecord.csv(ITEMS, new String[] {"110", "王\"五", null});
        assertThat(csv).isEqualTo("\"公民身份号码\",\"姓名\",\"户籍地址\"\r\n\"110\",\"王\"\"五\",\r\n");
        assertThat(RawRecord.csv(csv.split("\r\n")[1])).containsExactly("110", "王\"五", "");
    }
}

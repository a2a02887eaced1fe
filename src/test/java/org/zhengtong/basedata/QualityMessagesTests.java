package org.zhengtong.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The data quality and authority pages read the same in Chinese and English, and no key they use is missing. */
class QualityMessagesTests {

    static final String CHINESE = "messages/basedata-quality.properties";
    static final String ENGLISH = "messages/basedata-quality_en.properties";
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{'?(basedata\\.[A-Za-z0-9.-]+)");
    static final Pattern SOURCE_KEY = Pattern.compile("\"(basedata\\.(?:quality|authority)\\.[a-z0-9.-]+[a-z0-9])\"");
    static final List<String> TEMPLATES = List.of("quality.html", "quality-filing.html", "quality-pension.html", "authority.html");

    @Test
    void bothLanguagesHaveTheSameMessages() throws IOException {
        assertThat(load(ENGLISH).stringPropertyNames()).hasSizeGreaterThan(50).isEqualTo(load(CHINESE).stringPropertyNames());
    }

    @Test
    void theDefaultMessagesAreWrittenInChinese() throws IOException {
        Properties chinese = load(CHINESE);
        assertThat(chinese.stringPropertyNames()).allSatisfy(key -> assertThat(chinese.getProperty(key)).as(key).containsPattern("\\p{IsHan}"));
    }

    @Test
    void everyMessageFormatsAllItsArguments() throws IOException {
        for (String bundle : new String[] {CHINESE, ENGLISH}) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                if (pattern.contains("{")) {
                    assertThat(new MessageFormat(pattern).format(new Object[] {1, 2, 3})).as(bundle + " " + key).doesNotContain("{")
                            .doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyKeyThePagesAndControllersUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String template : TEMPLATES) {
            collect(Path.of("src/main/resources/templates/basedata", template), TEMPLATE_KEY, used);
        }
        collect(Path.of("src/main/java/org/zhengtong/basedata/web/QualityController.java"), SOURCE_KEY, used);
        collect(Path.of("src/main/java/org/zhengtong/basedata/web/AuthorityController.java"), SOURCE_KEY, used);
        used.removeIf(key -> key.endsWith("."));
        used.add("basedata.authority.feed.status.ACTIVE");
        used.add("basedata.authority.feed.status.PAUSED");
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(load(CHINESE).stringPropertyNames()).containsAll(used);
    }

    private static void collect(Path file, Pattern pattern, Set<String> into) throws IOException {
        Matcher m = pattern.matcher(Files.readString(file));
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = QualityMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

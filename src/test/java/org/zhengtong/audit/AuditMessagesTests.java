package org.zhengtong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The auditor's pages read the same in Chinese and English, and no key they use is missing. */
class AuditMessagesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{(audit\\.[A-Za-z0-9.-]+)");
    private static final Pattern SOURCE_KEY = Pattern.compile("\"(audit\\.invalid\\.[a-z0-9.-]+)\"");

    @Test
    void bothLanguagesHaveTheSameMessages() throws IOException {
        assertThat(load("messages/audit_en.properties").stringPropertyNames())
                .isNotEmpty()
                .isEqualTo(load("messages/audit.properties").stringPropertyNames());
    }

    @Test
    void theDefaultMessagesAreWrittenInChineseCharacters() throws IOException {
        Properties chinese = load("messages/audit.properties");

        assertThat(read("messages/audit.properties")).doesNotContain("\\u");
        assertThat(chinese.stringPropertyNames())
                .allSatisfy(key -> assertThat(chinese.getProperty(key)).as(key).containsPattern("\\p{IsHan}"));
    }

    @Test
    void everyKeyThePagesAndSourcesUseExists() throws IOException {
        Set<String> keys = load("messages/audit.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        collect(Path.of("src/main/resources/templates/audit"), TEMPLATE_KEY, used);
        collect(Path.of("src/main/java/org/zhengtong/audit"), SOURCE_KEY, used);
        for (AuditLog.Outcome outcome : AuditLog.Outcome.values()) {
            used.add("audit.outcome." + outcome);
        }
        for (ChainVerification.Problem problem : ChainVerification.Problem.values()) {
            used.add("audit.verify.broken." + problem);
        }
        used.add("audit.invalid.from");
        used.add("audit.invalid.to");

        assertThat(used).hasSizeGreaterThan(40);
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyMessageFormats() throws IOException {
        for (String bundle : new String[] {"messages/audit.properties", "messages/audit_en.properties"}) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                String formatted = MessageFormat.format(pattern, 12345L, 2L);
                assertThat(formatted).as(bundle + " " + key).doesNotContain("{");
                if (pattern.contains("{0")) {
                    assertThat(formatted).as(bundle + " " + key).containsPattern("12,?345");
                }
            }
        }
    }

    private static void collect(Path dir, Pattern key, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static String read(String name) throws IOException {
        try (InputStream in = AuditMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.zhengtong.licence;

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

/** The licence pages and problems read the same in Chinese and English, and no key they use is missing. */
class LicenceMessagesTests {

    static final String CHINESE = "messages/licence.properties";
    static final String ENGLISH = "messages/licence_en.properties";
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{'?(licence\\.[A-Za-z0-9.-]+)");
    static final Pattern PROBLEM = Pattern.compile("new LicenceProblem\\(\"([a-z-]+)\"");
    static final Pattern SOURCE_KEY = Pattern.compile("\"(licence\\.page\\.[a-z0-9.-]+[a-z0-9])\"");

    @Test
    void bothLanguagesHaveTheSameMessagesAndChineseComesFirst() throws IOException {
        Properties chinese = load(CHINESE);
        assertThat(load(ENGLISH).stringPropertyNames()).hasSizeGreaterThan(40).isEqualTo(chinese.stringPropertyNames());
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
    void everyKeyThePagesAndProblemsUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/licence"))) {
            for (Path t : templates.toList()) {
                collect(Files.readString(t), TEMPLATE_KEY, used, "");
            }
        }
        collect(Files.readString(Path.of("src/main/java/org/zhengtong/licence/LicenceProblem.java")), PROBLEM, used, "problem.licence.");
        try (Stream<Path> web = Files.list(Path.of("src/main/java/org/zhengtong/licence/web"))) {
            for (Path t : web.toList()) {
                collect(Files.readString(t), SOURCE_KEY, used, "");
            }
        }
        used.removeIf(key -> key.endsWith("."));
        for (LicenceStatus s : LicenceStatus.values()) {
            used.add("licence.status." + s);
        }
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(load(CHINESE).stringPropertyNames()).containsAll(used);
    }

    private static void collect(String text, Pattern pattern, Set<String> into, String prefix) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(prefix + m.group(1));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LicenceMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

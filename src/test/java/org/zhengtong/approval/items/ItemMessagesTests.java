package org.zhengtong.approval.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The service items' texts exist in Chinese and English: both bundles have the same keys, every key the code and the
 * pages name is there, and so is every type, status and template the pages look up by name.
 */
class ItemMessagesTests {

    static final Pattern KEY = Pattern.compile("approval-items\\.[a-zA-Z0-9.-]*[a-zA-Z0-9]");

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(load("messages/approval-items_en.properties").stringPropertyNames())
                .isEqualTo(load("messages/approval-items.properties").stringPropertyNames());
    }

    @Test
    void everyKeyNamedInTheCodeAndThePagesHasAMessage() throws IOException {
        Set<String> keys = load("messages/approval-items.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/java/org/zhengtong/approval/items"), Path.of("src/main/resources/templates/approval/items"),
            Path.of("src/main/resources/templates/guide")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = KEY.matcher(Files.readString(f));
                    while (m.find()) {
                        used.add(m.group());
                    }
                }
            }
        }
        // Keys the pages complete with a name, and the problems' codes, which the platform prefixes with "problem.".
        used.removeIf(k -> k.endsWith(".type") && !keys.contains(k) || k.endsWith(".status") || k.endsWith(".template")
                || k.endsWith(".caption") && !keys.contains(k) || k.equals("approval-items.field") || k.equals("approval-items.hint"));
        assertThat(keys).containsAll(used);
        Matcher problem = Pattern.compile("new ItemProblem\\(\"([a-z-]+)\"")
                .matcher(Files.readString(Path.of("src/main/java/org/zhengtong/approval/items/ItemProblem.java")));
        int problems = 0;
        while (problem.find()) {
            assertThat(keys).contains("problem.approval-items." + problem.group(1));
            problems++;
        }
        assertThat(problems).isGreaterThanOrEqualTo(9);
        for (ItemType t : ItemType.values()) {
            assertThat(keys).contains("approval-items.type." + t);
        }
        for (ItemStatus s : ItemStatus.values()) {
            assertThat(keys).contains("approval-items.status." + s);
        }
        for (ProcessTemplate t : ProcessTemplate.values()) {
            assertThat(keys).contains("approval-items.template." + t, "approval-items.steps.caption." + t);
        }
    }

    @Test
    void theDefaultBundleIsChinese() throws IOException {
        Properties zh = load("messages/approval-items.properties");
        assertThat(zh.stringPropertyNames()).allSatisfy(k -> assertThat(zh.getProperty(k)).containsPattern("\\p{IsHan}|^\\{0\\} KB$"));
    }

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ItemMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

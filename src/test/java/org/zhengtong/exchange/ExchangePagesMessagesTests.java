package org.zhengtong.exchange;

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

/** The exchange pages read the same in Chinese and English, and no key they use is missing. */
class ExchangePagesMessagesTests {

    static final String CHINESE = "messages/exchange-pages.properties";
    static final String ENGLISH = "messages/exchange-pages_en.properties";
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{'?(exchange\\.[A-Za-z0-9.-]+)");
    static final Pattern SOURCE_KEY = Pattern.compile("\"(exchange\\.(?:page|quarantine)\\.[a-z0-9.-]+[a-z0-9])\"");

    @Test
    void bothLanguagesHaveTheSameMessages() throws IOException {
        assertThat(load(ENGLISH).stringPropertyNames()).hasSizeGreaterThan(100).isEqualTo(load(CHINESE).stringPropertyNames());
    }

    @Test
    void theDefaultMessagesAreWrittenInChinese() throws IOException {
        Properties chinese = load(CHINESE);
        assertThat(new String(resource(CHINESE).readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("\\u");
        assertThat(chinese.stringPropertyNames()).filteredOn(key -> !key.equals("exchange.page.item.separator"))
                .allSatisfy(key -> assertThat(chinese.getProperty(key)).as(key).containsPattern("\\p{IsHan}"));
    }

    @Test
    void everyMessageFormatsAllItsArguments() throws IOException {
        for (String bundle : new String[] {CHINESE, ENGLISH}) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                if (!pattern.contains("{")) {
                    continue;
                }
                String formatted = new MessageFormat(pattern).format(new Object[] {1, 2, 3, 4, 5});
                assertThat(formatted).as(bundle + " " + key).doesNotContain("{").doesNotContain("'");
            }
        }
    }

    @Test
    void everyKeyThePagesAndSourcesUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        collect(Path.of("src/main/resources/templates/exchange"), TEMPLATE_KEY, used);
        collect(Path.of("src/main/java/org/zhengtong/exchange"), SOURCE_KEY, used);
        used.removeIf(key -> key.endsWith("."));
        used.removeIf(key -> key.startsWith("exchange.quarantine.") && Set.of("list", "read", "resubmit", "discard").contains(key.substring(20)));
        for (String s : new String[] {"RECEIVING", "SPOOLED", "DONE", "FAILED", "ABANDONED"}) {
            used.add("exchange.page.batch.status." + s);
        }
        for (String c : new String[] {"PUSH", "PULL", "FILE", "RESUBMIT"}) {
            used.add("exchange.page.channel." + c);
        }
        for (String m : new String[] {"PULL", "WEBHOOK", "JDBC"}) {
            used.add("exchange.page.mode." + m);
        }
        for (String s : new String[] {"OPEN", "RESUBMITTED", "DISCARDED"}) {
            used.add("exchange.page.quarantine.status." + s);
        }
        assertThat(used).hasSizeGreaterThan(100);
        Set<String> known = new TreeSet<>(load(CHINESE).stringPropertyNames());
        // The sources page (exchange/sources.html) takes its words from the exchange-channels bundle.
        known.addAll(load("messages/exchange-channels.properties").stringPropertyNames());
        assertThat(known).containsAll(used);
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = resource(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static InputStream resource(String name) {
        InputStream in = ExchangePagesMessagesTests.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}

package org.zhengtong.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhengtong.exchange.BatchResult;
import org.zhengtong.exchange.ChannelProblem;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.exchange.ExchangeProblem;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.PlatformException;

/**
 * File drop (文件交换): each dataset has a folder, {@code $ZT_HOME/exchange/drop/<classification>_<sequence>/},
 * where the provider's systems place CSV, JSON Lines or XML files. A file is taken once it is complete: never
 * while its name ends in {@code .part}, and only when its size and time have stayed the same between two looks at
 * least a second apart. It is moved to {@code processing/}, published as one {@code FILE} batch, and moved to
 * {@code done/}; a file refused as a whole goes to {@code failed/} beside a {@code .problem.txt} saying why in
 * Chinese and English. A file left in {@code processing/} (the hub stopped, or the store was unavailable) is
 * published again on the next look, so none is lost; publishing one twice changes nothing the second time.
 *
 * <p>CSV and JSON Lines are read as UTF-8 unless the name says otherwise ({@code 人口.gb18030.csv}) or a sidecar
 * file {@code <name>.charset} holding the charset's name is dropped first; XML follows its own declaration.
 */
@Component
public class DropFolders {

    private static final Logger log = LoggerFactory.getLogger(DropFolders.class);
    public static final String PROCESSING = "processing";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    static final String SIDECAR = ".charset";
    private static final long STABLE_NANOS = 1_000_000_000L;
    private static final long RETRY_NANOS = 60_000_000_000L;
    private static final Pattern CHARSET_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ExchangeHub hub;
    private final MessageSource messages;
    private final Path root;
    private final ReentrantLock lock = new ReentrantLock();
    private Map<Path, Seen> seen = new HashMap<>();
    private final Map<Path, Long> retried = new HashMap<>();

    DropFolders(ExchangeHub hub, MessageSource messages, Environment env) {
        this.hub = hub;
        this.messages = messages;
        this.root = Path.of(env.getProperty("zt.home", "var")).toAbsolutePath().resolve("exchange").resolve("drop");
    }

    /** A dataset's drop folder, made with its three subfolders if it is not there yet. */
    public Path folder(String dataset) {
        Path dir = root.resolve(dataset.replace('/', '_'));
        try {
            for (String sub : List.of(PROCESSING, DONE, FAILED)) {
                Files.createDirectories(dir.resolve(sub));
            }
        } catch (IOException e) {
            log.warn("Cannot make the drop folder {}: {}", dir, e.getMessage());
        }
        return dir;
    }

    public void ensure(Collection<String> datasets) {
        datasets.forEach(this::folder);
    }

    /** Looks into every dataset's folder once; waits for a look already under way to finish first. */
    public void poll() {
        lock.lock();
        try {
            look();
        } finally {
            lock.unlock();
        }
    }

    /** Looks unless a look is under way (the scheduler's tick). */
    public void pollIfIdle() {
        if (lock.tryLock()) {
            try {
                look();
            } finally {
                lock.unlock();
            }
        }
    }

    private void look() {
        if (!Files.isDirectory(root)) {
            return;
        }
        Map<Path, Seen> now = new HashMap<>();
        for (Path dir : list(root)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            String name = dir.getFileName().toString();
            int underscore = name.lastIndexOf('_');
            if (underscore <= 0) {
                continue;
            }
            Optional<Dataset> dataset = hub.findDataset(name.substring(0, underscore) + "/" + name.substring(underscore + 1));
            if (dataset.isEmpty()) {
                continue;
            }
            Path processing = folder(dataset.get().code()).resolve(PROCESSING);
            for (Path file : list(processing)) {
                if (isData(file)) {
                    Long last = retried.get(file);
                    if (last == null || System.nanoTime() - last > RETRY_NANOS) {
                        publish(dataset.get(), file);
                    }
                }
            }
            for (Path file : list(dir)) {
                if (!isData(file) || file.getFileName().toString().endsWith(".part")) {
                    continue;
                }
                if (stable(file, now)) {
                    take(dataset.get(), file);
                }
            }
        }
        seen = now;
    }

    /** Whether a file kept its size and time since the last look, a second or more ago. */
    private boolean stable(Path file, Map<Path, Seen> now) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return false;
        }
        Seen before = seen.get(file);
        Seen current = new Seen(attrs.size(), attrs.lastModifiedTime().toMillis(), System.nanoTime());
        if (before != null && before.size() == current.size() && before.modified() == current.modified()) {
            if (current.at() - before.at() >= STABLE_NANOS) {
                return true;
            }
            now.put(file, before);
            return false;
        }
        now.put(file, current);
        return false;
    }

    private void take(Dataset dataset, Path file) {
        String name = file.getFileName().toString();
        Path dir = file.getParent();
        if (BodyFormat.ofFileName(name) == null) {
            refuse(dataset, file, ChannelProblem.unknownFileType(name));
            return;
        }
        Path moved;
        try {
            Path sidecar = dir.resolve(name + SIDECAR);
            moved = move(file, dir.resolve(PROCESSING));
            if (Files.exists(sidecar)) {
                Files.move(sidecar, moved.resolveSibling(moved.getFileName() + SIDECAR), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("Cannot move {} to processing: {}", file, e.getMessage());
            return;
        }
        publish(dataset, moved);
    }

    private void publish(Dataset dataset, Path file) {
        String name = file.getFileName().toString();
        try {
            BodyFormat.Declared declared = declared(file);
            BatchResult batch;
            try (InputStream in = Files.newInputStream(file)) {
                batch = hub.publishFrom(dataset, "FILE", in, declared, name, new Actor(Actor.SYSTEM.username(), dataset.provider(), null));
            }
            retried.remove(file);
            Path done = move(file, file.getParent().getParent().resolve(DONE));
            moveSidecar(file, done);
            log.info("Dropped file {} of {} published as batch {}: {} received, {} quarantined", name, dataset.code(), batch.batchId(),
                    batch.received(), batch.quarantined());
        } catch (PlatformException e) {
            if (e.status().is5xxServerError()) {
                retried.put(file, System.nanoTime());
                log.warn("Dropped file {} of {} waits in processing: {}", name, dataset.code(), e.code());
                return;
            }
            retried.remove(file);
            refuse(dataset, file, e);
        } catch (IOException | RuntimeException e) {
            retried.put(file, System.nanoTime());
            log.warn("Dropped file {} of {} waits in processing", name, dataset.code(), e);
        }
    }

    /** Moves a refused file to failed/ and writes why beside it, in both languages. */
    private void refuse(Dataset dataset, Path file, PlatformException problem) {
        Path dir = file.getParent().getFileName().toString().equals(PROCESSING) ? file.getParent().getParent() : file.getParent();
        try {
            Path failed = move(file, dir.resolve(FAILED));
            moveSidecar(file, failed);
            String when = LocalDateTime.now(SourceSchedule.CHINA).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            String text = """
                    文件：%1$s
                    数据集：%2$s（%3$s）
                    时间：%4$s（北京时间）
                    整批未接收。原因：%5$s
                    问题代码：%6$s

                    File: %1$s
                    Dataset: %2$s (%3$s)
                    Time: %4$s (Beijing time)
                    Nothing was taken. Why: %7$s
                    Problem code: %6$s
                    """.formatted(file.getFileName(), dataset.name(), dataset.code(), when,
                    message(problem, Locale.SIMPLIFIED_CHINESE), problem.code(), message(problem, Locale.ENGLISH));
            Files.writeString(failed.resolveSibling(failed.getFileName() + ".problem.txt"), text, StandardCharsets.UTF_8);
            log.info("Dropped file {} of {} refused: {}", file.getFileName(), dataset.code(), problem.code());
        } catch (IOException e) {
            log.warn("Cannot move the refused file {} to failed: {}", file, e.getMessage());
        }
    }

    /** The format the name tells and the charset its sidecar or name declares. */
    static BodyFormat.Declared declared(Path file) throws IOException {
        String name = file.getFileName().toString();
        BodyFormat format = BodyFormat.ofFileName(name);
        if (format == null) {
            throw ChannelProblem.unknownFileType(name);
        }
        Charset charset = null;
        Path sidecar = file.resolveSibling(name + SIDECAR);
        if (Files.exists(sidecar)) {
            String declared = Files.readString(sidecar, StandardCharsets.US_ASCII).strip();
            try {
                charset = Charset.forName(declared);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw ExchangeProblem.unsupportedCharset(declared);
            }
        } else {
            String stem = name.substring(0, name.lastIndexOf('.'));
            int dot = stem.lastIndexOf('.');
            String suffix = dot > 0 ? stem.substring(dot + 1) : "";
            if (CHARSET_NAME.matcher(suffix).matches()) {
                try {
                    if (Charset.isSupported(suffix)) {
                        charset = Charset.forName(suffix);
                    }
                } catch (IllegalCharsetNameException e) {
                    // not a charset, just part of the name
                }
            }
        }
        if (charset == null && format != BodyFormat.XML) {
            charset = StandardCharsets.UTF_8;
        }
        return new BodyFormat.Declared(format, charset);
    }

    private String message(PlatformException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args(), e.code(), locale);
    }

    /** Moves a file into a folder under its own name, or a dated one if that is taken. */
    private static Path move(Path file, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = file.getFileName().toString();
        Path target = dir.resolve(name);
        for (int n = 1; Files.exists(target) || Files.exists(target.resolveSibling(name + SIDECAR)); n++) {
            target = dir.resolve(LocalDateTime.now(SourceSchedule.CHINA).format(STAMP) + (n > 1 ? "-" + n : "") + "-" + name);
        }
        try {
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(file, target);
        }
    }

    private static void moveSidecar(Path from, Path to) throws IOException {
        Path sidecar = from.resolveSibling(from.getFileName() + SIDECAR);
        if (Files.exists(sidecar)) {
            Files.move(sidecar, to.resolveSibling(to.getFileName() + SIDECAR), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isData(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && !name.endsWith(SIDECAR) && !name.endsWith(".problem.txt");
    }

    private static List<Path> list(Path dir) {
        List<Path> paths = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return paths;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(paths::add);
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", dir, e.getMessage());
        }
        paths.sort(null);
        return paths;
    }

    private record Seen(long size, long modified, long at) {}
}

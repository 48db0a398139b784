package dev.numgen.server.provisional;

import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.RuleSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule snapshot as a JSON file, rewritten whole (rules are few and change rarely) through a temporary file and an
 * atomic rename, so a crash leaves the old or the new file, never half of one. A file that cannot be read is logged
 * and ignored: the snapshot only serves provisional numbers while the cluster is out of reach.
 */
final class RuleSnapshotFile implements RuleSnapshot {

    private static final Logger log = LoggerFactory.getLogger(RuleSnapshotFile.class);
    private static final TypeReference<Map<String, RegisteredRule>> TYPE = new TypeReference<>() {};

    private final Path file;
    private final JsonMapper json;
    private final Map<String, RegisteredRule> rules = new TreeMap<>(); // guarded by this

    RuleSnapshotFile(Path file, JsonMapper json) {
        this.file = file;
        this.json = json;
        if (Files.exists(file)) {
            try {
                rules.putAll(json.readValue(file.toFile(), TYPE));
            } catch (JacksonException e) {
                log.warn("Ignoring the unreadable rule snapshot {}: {}", file, e.getMessage());
            }
        }
    }

    @Override
    public synchronized Optional<RegisteredRule> find(PrefixKey key) {
        return Optional.ofNullable(rules.get(key.value()));
    }

    @Override
    public synchronized void keep(RegisteredRule rule) {
        RegisteredRule kept = rules.get(rule.key().value());
        if (kept != null && kept.version() >= rule.version()) {
            return;
        }
        rules.put(rule.key().value(), rule);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path draft = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(draft.toFile(), rules);
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | JacksonException e) {
            log.warn("Could not write the rule snapshot {}: {}", file, e.getMessage());
        }
    }
}

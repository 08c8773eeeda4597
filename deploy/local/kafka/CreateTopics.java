import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the canonical Caisse topics when missing (the kafka-tools artifact that holds TopicCommand
 * is not available for 4.4.0 here, so this uses the Admin API of kafka-clients).
 *
 * <p>Usage: {@code java -cp 'lib/*' CreateTopics.java <bootstrap> <name>[:<partitions>[:compact]]...}
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CreateTopics <bootstrap> <topic>[:<partitions>[:compact]]...");
            System.exit(2);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            List<NewTopic> toCreate = new ArrayList<>();
            Collection<String> compacted = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String[] parts = args[i].split(":");
                String name = parts[0];
                int partitions = parts.length > 1 ? Integer.parseInt(parts[1]) : 3;
                boolean compact = parts.length > 2 && parts[2].equals("compact");
                if (compact) {
                    compacted.add(name);
                }
                if (existing.contains(name)) {
                    System.out.println("exists  " + name);
                    continue;
                }
                NewTopic topic = new NewTopic(name, partitions, (short) 1);
                if (compact) {
                    topic.configs(Map.of("cleanup.policy", "compact"));
                }
                toCreate.add(topic);
            }
            for (NewTopic topic : toCreate) {
                try {
                    admin.createTopics(List.of(topic)).all().get(20, TimeUnit.SECONDS);
                    System.out.println("created " + topic.name() + " (" + topic.numPartitions() + " partitions"
                            + (topic.configs() == null ? "" : ", " + topic.configs()) + ")");
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        System.out.println("exists  " + topic.name());
                    } else {
                        throw e;
                    }
                }
            }
            // A compacted topic auto-created before this ran would have the delete policy: fix it. Topics created
            // just now have the right policy already, and their metadata may not have spread yet.
            for (NewTopic created : toCreate) {
                compacted.remove(created.name());
            }
            for (String name : compacted) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
                String policy = admin.describeConfigs(List.of(resource)).all().get(20, TimeUnit.SECONDS)
                        .get(resource).get("cleanup.policy").value();
                if (!"compact".equals(policy)) {
                    admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                            new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET))))
                            .all().get(20, TimeUnit.SECONDS);
                    System.out.println("altered " + name + " (cleanup.policy=compact)");
                }
            }
        }
    }
}

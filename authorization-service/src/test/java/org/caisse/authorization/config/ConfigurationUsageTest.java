package org.caisse.authorization.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** No dead configuration: every setting of {@link AuthorizationConfig} is read, every caisse.* property is mapped. */
class ConfigurationUsageTest {

    /** Settings read through property expansion or by tests, not by a call of the mapping. */
    static final Set<String> READ_ELSEWHERE = Set.of(
            "caisse.secrets-dir",   // ${caisse.secrets-dir} in the JWT properties
            "caisse.infra",         // -Dcaisse.infra, read by the test infrastructure
            "caisse.topics.operation-commands"); // ${caisse.topics.operation-commands} in the messaging channel

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.caisse.authorization");

    /** Leaf settings of the mapping as property names, with the production classes calling each. */
    static List<Setting> settings(JavaClass mapping, String prefix) {
        List<Setting> settings = new ArrayList<>();
        for (JavaMethod method : mapping.getMethods()) {
            String name = prefix + "." + kebab(method.getName());
            JavaClass type = method.getRawReturnType();
            if (type.isInterface() && type.getPackageName().startsWith("org.caisse.authorization")) {
                settings.addAll(settings(PRODUCTION.get(type.getName()), name));
            } else {
                Set<String> callers = new TreeSet<>();
                method.getCallsOfSelf().forEach(call -> callers.add(call.getOriginOwner().getName()));
                settings.add(new Setting(name, callers));
            }
        }
        return settings;
    }

    record Setting(String property, Set<String> callers) {
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @Test
    void everySettingOfTheMappingIsReadByTheService() {
        List<String> unread = settings(PRODUCTION.get(AuthorizationConfig.class), "caisse").stream()
                .filter(s -> s.callers().isEmpty() && !READ_ELSEWHERE.contains(s.property()))
                .map(Setting::property).toList();
        assertThat(unread).as("settings nobody reads").isEmpty();
    }

    @Test
    void everyCaissePropertyOfApplicationPropertiesIsASettingOfTheMapping() throws IOException {
        Set<String> mapped = new TreeSet<>();
        settings(PRODUCTION.get(AuthorizationConfig.class), "caisse").forEach(s -> mapped.add(s.property()));
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        List<String> unmapped = properties.stringPropertyNames().stream()
                .map(key -> key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key)
                .filter(key -> key.startsWith("caisse."))
                .filter(key -> !mapped.contains(key))
                .distinct().toList();
        assertThat(unmapped).as("caisse.* properties without a setting").isEmpty();
    }
}

package org.caisse.common.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every Caisse service checks in a test:
 * <ul>
 * <li>classes in {@code <base>.domain..} depend only on {@code java..}, the main code of {@code org.caisse.common..}
 * (not its test support) and {@code <base>.domain..};</li>
 * <li>classes in {@code <base>.application..} do not depend on {@code <base>.adapter..}.</li>
 * </ul>
 * The domain rule fails when the base package has no domain class at all, so a mistyped package cannot pass.
 */
public final class HexagonalArchitecture {

    private static final String COMMON = "org.caisse.common";
    private static final String COMMON_TESTING = "org.caisse.common.testing";

    private HexagonalArchitecture() {
    }

    /** Checks the production classes of {@code basePackage} (test classes are left out). */
    public static void assertDomainIsPure(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        assertDomainIsPure(classes, basePackage);
    }

    /** Checks already imported classes (for fixtures, or a custom import). */
    public static void assertDomainIsPure(JavaClasses classes, String basePackage) {
        domainRule(basePackage).check(classes);
        applicationRule(basePackage).check(classes);
    }

    /** Domain classes depend only on the JDK's {@code java..}, common's main code and their own domain. */
    public static ArchRule domainRule(String basePackage) {
        String domain = basePackage + ".domain";
        return classes().that().resideInAPackage(domain + "..")
                .should().onlyDependOnClassesThat(allowedForDomain(domain))
                .as("classes in " + domain + ".. depend only on java.., org.caisse.common.. and " + domain + "..")
                .allowEmptyShould(false);
    }

    /** Application classes do not reach into adapters. */
    public static ArchRule applicationRule(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".application..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".adapter..")
                .as("classes in " + basePackage + ".application.. do not depend on " + basePackage + ".adapter..")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> allowedForDomain(String domain) {
        return new DescribedPredicate<>("java.., org.caisse.common.. (main code) or " + domain + "..") {
            @Override
            public boolean test(JavaClass target) {
                JavaClass type = target.isArray() ? target.getBaseComponentType() : target;
                if (type.isPrimitive()) {
                    return true;
                }
                String pkg = type.getPackageName();
                return inPackage(pkg, "java")
                        || inPackage(pkg, domain)
                        || (inPackage(pkg, COMMON) && !inPackage(pkg, COMMON_TESTING));
            }
        };
    }

    private static boolean inPackage(String pkg, String parent) {
        return pkg.equals(parent) || pkg.startsWith(parent + ".");
    }
}

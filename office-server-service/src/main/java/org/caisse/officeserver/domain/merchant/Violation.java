package org.caisse.officeserver.domain.merchant;

/** One reason a merchant settings document is refused: the field (JSON pointer-like path) and why. */
public record Violation(String field, String message) {
}

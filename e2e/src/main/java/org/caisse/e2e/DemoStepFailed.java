package org.caisse.e2e;

/** A demo step did not see what a working platform produces; the message says what was expected and seen. */
public final class DemoStepFailed extends RuntimeException {

    private final String step;

    public DemoStepFailed(String step, String message) {
        super(step + ": " + message);
        this.step = step;
    }

    public String step() {
        return step;
    }
}

package dev.connectx.domain;

import java.util.Objects;

/** A subscription event, or one of its values, was refused at construction; {@link #field()} names the culprit. */
public final class InvalidEventException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    public InvalidEventException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(problem, "problem"));
        this.field = field;
        this.problem = problem;
    }

    /** What is wrong with the field, without its name, e.g. {@code 'x' is not one of …}. */
    public String problem() {
        return problem;
    }

    /** The name of the refused field as Connect spells it, e.g. {@code asset.product.id}. */
    public String field() {
        return field;
    }
}

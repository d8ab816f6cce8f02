package dev.herder.cli.options;

/** The -o formats of get: a table (default), a wider table, the objects as JSON or YAML, or kind/name only. */
public enum OutputFormat {
    WIDE, JSON, YAML, NAME
}

package dev.herder.protocol.wire;

/** A message for a Service's entity actor; agents send {@link EventReport} (a proxy port it could not have). */
public interface ServiceCommand extends EntityMessage {
}

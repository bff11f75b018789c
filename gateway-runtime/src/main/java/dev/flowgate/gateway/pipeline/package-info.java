/**
 * The request pipeline: an {@link dev.flowgate.gateway.pipeline.Exchange} runs through small
 * {@link dev.flowgate.gateway.pipeline.RequestStage stages} in order; the first stage that
 * answers a problem ends it, and a request that passes every stage is forwarded upstream.
 * Stages run on the event loop and never block.
 */
@NullMarked
package dev.flowgate.gateway.pipeline;

import org.jspecify.annotations.NullMarked;

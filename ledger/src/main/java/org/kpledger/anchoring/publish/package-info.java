/**
 * The moving part of the integrity path: events made leaves as the node commits them, heads signed
 * on a cadence and handed to every sink.
 *
 * <p>What the package guarantees:
 *
 * <ul>
 *   <li>{@link org.kpledger.anchoring.publish.AnchoringProcessor} (an Axon event handler in
 *       processing group {@code anchoring}) gives each event exactly one leaf, in processing order,
 *       in the same transaction as the processor's token; its Javadoc gives the argument and its
 *       limits.
 *   <li>{@link org.kpledger.anchoring.publish.TreeHeadPublisher} signs a head every N leaves or T
 *       milliseconds if the log grew ({@link org.kpledger.anchoring.publish.PublishingCadence}),
 *       never one inconsistent with the previous, and brings every {@link
 *       org.kpledger.anchoring.AnchorSink} up to it with one RFC 9162 consistency proof. {@link
 *       org.kpledger.anchoring.publish.AnchoringStatus} shows each sink's last head and the heads
 *       waiting.
 *   <li>A sink that cannot be reached is retried with exponential back-off and catches up in one
 *       anchor; a head a sink refused is never offered to it again ({@link
 *       org.kpledger.anchoring.publish.RetryPolicy}), and the sink's health says which.
 * </ul>
 *
 * <p>It uses the leaf format ({@code anchoring.leaf}), the checkpoint format ({@code
 * anchoring.checkpoint}) and the sink contract ({@code anchoring}); none of them uses it.
 */
package org.kpledger.anchoring.publish;

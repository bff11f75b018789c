/** The API key format and the digest the portal stores and the gateway verifies. */
@NullMarked
package dev.flowgate.contracts.keys;

import org.jspecify.annotations.NullMarked;

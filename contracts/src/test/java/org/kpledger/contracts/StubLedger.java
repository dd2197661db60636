package org.kpledger.contracts;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * A Mockito {@link ChaincodeStub} backed by a sorted map, standing in for a peer's world state, so
 * tests can both let contracts read what they wrote and verify the exact bytes of each call.
 */
public final class StubLedger {

  private final ChaincodeStub stub = mock(ChaincodeStub.class);
  private final TreeMap<String, byte[]> state = new TreeMap<>();

  /** A ledger with an empty world state. */
  public StubLedger() {
    when(stub.getState(anyString()))
        .thenAnswer(i -> state.getOrDefault(i.<String>getArgument(0), new byte[0]).clone());
    doAnswer(i -> state.put(i.getArgument(0), i.<byte[]>getArgument(1).clone()))
        .when(stub)
        .putState(anyString(), any(byte[].class));
    when(stub.getStateByPartialCompositeKey(any(CompositeKey.class)))
        .thenAnswer(i -> range(i.<CompositeKey>getArgument(0).toString()));
  }

  /**
   * The mocked stub, to verify calls on.
   *
   * @return the stub
   */
  public ChaincodeStub stub() {
    return stub;
  }

  /**
   * A transaction context for the next call: its creator, transaction id and timestamp.
   *
   * @param creator serialized identity bytes of the submitting client
   * @param txId the transaction id
   * @param timestamp the proposal timestamp
   * @return a context on this ledger
   */
  public Context tx(byte[] creator, String txId, Instant timestamp) {
    when(stub.getCreator()).thenReturn(creator);
    when(stub.getTxId()).thenReturn(txId);
    when(stub.getTxTimestamp()).thenReturn(timestamp);
    return new Context(stub);
  }

  /**
   * The stored value of a key.
   *
   * @param key the key
   * @return the bytes, or null
   */
  public byte[] get(String key) {
    return state.get(key);
  }

  private QueryResultsIterator<KeyValue> range(String prefix) {
    List<KeyValue> rows =
        state.subMap(prefix, prefix + Character.MAX_VALUE).entrySet().stream()
            .<KeyValue>map(StubLedger::row)
            .toList();
    return new QueryResultsIterator<>() {
      @Override
      public Iterator<KeyValue> iterator() {
        return rows.iterator();
      }

      @Override
      public void close() {}
    };
  }

  private static KeyValue row(Map.Entry<String, byte[]> e) {
    return new KeyValue() {
      @Override
      public String getKey() {
        return e.getKey();
      }

      @Override
      public byte[] getValue() {
        return e.getValue().clone();
      }

      @Override
      public String getStringValue() {
        return new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8);
      }
    };
  }
}

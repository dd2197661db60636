package org.kpledger.audit.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;

/**
 * What Fabric computes over a block, as its {@code protoutil/blockutils.go} does: the header's
 * ASN.1 bytes (the message the orderer signs, with the metadata), the data hash, and the index of
 * the configuration block in force.
 */
public final class FabricBlocks {

  private FabricBlocks() {}

  /**
   * Reads the number of the channel configuration block in force when a block was cut, from its
   * {@code SIGNATURES} metadata ({@code OrdererBlockMetadata.last_config}), or from the legacy
   * {@code LAST_CONFIG} metadata when that is empty, as Fabric's {@code
   * GetLastConfigIndexFromBlock} does.
   *
   * @param block a {@code common.Block}'s protobuf bytes
   * @return the configuration block's number
   * @throws IllegalArgumentException if the bytes are not a block with that metadata
   */
  public static long lastConfigIndex(byte[] block) {
    try {
      return lastConfigIndex(Block.parseFrom(block));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a Fabric block: " + e.getMessage(), e);
    }
  }

  static long lastConfigIndex(Block block) throws InvalidProtocolBufferException {
    Metadata signatures = metadata(block, BlockMetadataIndex.SIGNATURES);
    if (signatures.getValue().isEmpty()) {
      Metadata legacy = metadata(block, BlockMetadataIndex.LAST_CONFIG);
      return LastConfig.parseFrom(legacy.getValue()).getIndex();
    }
    return OrdererBlockMetadata.parseFrom(signatures.getValue()).getLastConfig().getIndex();
  }

  /** One of the block's metadata entries that Fabric stores as a {@code common.Metadata}. */
  static Metadata metadata(Block block, BlockMetadataIndex index)
      throws InvalidProtocolBufferException {
    if (block.getMetadata().getMetadataCount() <= index.getNumber()) {
      throw new IllegalArgumentException("the block has no " + index + " metadata");
    }
    return Metadata.parseFrom(block.getMetadata().getMetadata(index.getNumber()));
  }

  /**
   * The header as Fabric's {@code BlockHeaderBytes} encodes it: DER {@code SEQUENCE { INTEGER
   * number, OCTET STRING previous_hash, OCTET STRING data_hash }}, the number unsigned.
   */
  static byte[] headerBytes(BlockHeader header) {
    try {
      return new DERSequence(
              new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(new BigInteger(Long.toUnsignedString(header.getNumber()))),
                new DEROctetString(header.getPreviousHash().toByteArray()),
                new DEROctetString(header.getDataHash().toByteArray())
              })
          .getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of a block header failed", e);
    }
  }

  /** SHA-256 of the concatenated data entries ({@code ComputeBlockDataHash}). */
  static byte[] dataHash(Block block) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (ByteString entry : block.getData().getDataList()) {
      all.writeBytes(entry.toByteArray());
    }
    return sha256(all.toByteArray());
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}

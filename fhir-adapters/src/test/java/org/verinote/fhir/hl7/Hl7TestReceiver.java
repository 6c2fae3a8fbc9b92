package org.verinote.fhir.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback HL7 v2 receiver for tests: HAPI's MLLP server ({@link HL7Service}) on a free port, storing MDM^T02
 * documents de-duplicated on TXA-12, answering ACKs, with scripted faults (AE, AR, or a stall after storing so the
 * sender's ACK wait times out).
 */
public final class Hl7TestReceiver implements AutoCloseable {

  /** A scripted answer for the next message. */
  public enum Fault { REJECT_AE, REFUSE_AR, STALL_AFTER_STORE }

  private final HapiContext ctx;
  private final HL7Service service;
  private final int port;
  private final Map<String, String> documents = new LinkedHashMap<>();
  private final List<String> deliveries = new ArrayList<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private volatile Duration stall = Duration.ofSeconds(2);

  private Hl7TestReceiver(int port) throws InterruptedException {
    this.port = port;
    this.ctx = new DefaultHapiContext();
    ctx.setValidationContext(ValidationContextFactory.noValidation());
    ctx.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator());
    this.service = ctx.newServer(port, false);
    service.registerApplication("MDM", "T02", new App());
    service.startAndWait();
  }

  /**
   * Starts a receiver on a free loopback port.
   *
   * @return the running receiver
   * @throws Exception if it cannot start
   */
  public static Hl7TestReceiver start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    return new Hl7TestReceiver(port);
  }

  /** @return the MLLP port */
  public int port() {
    return port;
  }

  /** @return stored documents by TXA-12, each the last message received for it (ER7) */
  public synchronized Map<String, String> documents() {
    return Map.copyOf(documents);
  }

  /** @return every message received, in order (ER7), duplicates included */
  public synchronized List<String> deliveries() {
    return List.copyOf(deliveries);
  }

  /**
   * Scripts the answer to the next message.
   *
   * @param fault the fault
   * @param stallFor how long a stall lasts
   */
  public synchronized void next(Fault fault, Duration stallFor) {
    faults.add(fault);
    this.stall = stallFor;
  }

  /** Forgets documents, deliveries and faults. */
  public synchronized void clear() {
    documents.clear();
    deliveries.clear();
    faults.clear();
  }

  @Override
  public void close() {
    service.stopAndWait();
    try {
      ctx.close();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private final class App implements ReceivingApplication<Message> {
    @Override
    public Message processMessage(Message in, Map<String, Object> metadata) throws HL7Exception {
      try {
        String er7 = in.encode();
        String docNumber = new Terser(in).get("/TXA-12-1");
        Fault fault;
        synchronized (Hl7TestReceiver.this) {
          deliveries.add(er7);
          fault = faults.poll();
          if (fault != Fault.REJECT_AE && fault != Fault.REFUSE_AR) {
            documents.put(docNumber, er7);
          }
        }
        if (fault == Fault.REJECT_AE) {
          return in.generateACK(AcknowledgmentCode.AE, new HL7Exception("Document rejected"));
        }
        if (fault == Fault.REFUSE_AR) {
          return in.generateACK(AcknowledgmentCode.AR, new HL7Exception("Try later"));
        }
        if (fault == Fault.STALL_AFTER_STORE) {
          Thread.sleep(stall.toMillis());
        }
        return in.generateACK();
      } catch (IOException e) {
        throw new HL7Exception(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HL7Exception(e);
      }
    }

    @Override
    public boolean canProcess(Message message) {
      return true;
    }
  }
}

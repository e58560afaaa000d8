package io.github.genova.genode.os.scenario;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rm.RmSession;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.signal.SignalContext;
import io.github.genova.genode.base.signal.SignalReceiver;
import io.github.genova.genode.base.thread.Thread;

/**
 * A region-map fault handler that takes a page fault of its own while the fault it handles waits: a reader
 * thread touches a managed dataspace where nothing is attached, and the handler, signalled, first fills the
 * dataspace it will attach, through a local attachment it has not touched before. In Genode each faulting
 * thread waits on its own, so the handler's fault is resolved and the reader's read completes ({@code read
 * value 0x1234}, exit value 0).
 */
final class FaultingFaultHandler implements Component {
  @Override
  public void construct(Env env) {
    try (Connection<RmSession> rm = new Connection<>(env, RmSession.class, RmSession.SERVICE_NAME,
        SessionArgs.parse("ram_quota=16K, cap_quota=4"))) {
      RegionMap sub = RpcInterface.of(RegionMap.class).client(rm.session().create(0x10000));
      long managed = env.rm().attach(sub.dataspace(), 0, 0, false, 0, true);
      SignalReceiver receiver = new SignalReceiver(env.pd(), env.cpu());
      sub.faultHandler(receiver.manage(new SignalContext()));
      Capability<Dataspace> ds = env.pdSession().allocRam(4096);
      long direct = env.rm().attach(ds, 0, 0, false, 0, true);
      Thread reader = new Thread(env.pd(), "reader", env.cpu()) {
        @Override
        protected void entry() {
          env.log().log("perform read operation at the managed dataspace");
          env.log().log("read value 0x" + Integer.toHexString(env.memory().readInt(managed + 0x10)));
        }
      };
      reader.start();
      receiver.waitForSignal();
      env.log().log("received fault signal, fill the dataspace to attach");
      env.memory().writeInt(direct + 0x10, 0x1234);
      env.log().log("attach the dataspace");
      sub.attach(ds, 0, 0, true, 0, true);
      reader.join();
      receiver.close();
    } catch (Exception e) {
      env.log().error(String.valueOf(e));
      env.parentInterface().exit(-1);
      return;
    }
    env.parentInterface().exit(0);
  }
}

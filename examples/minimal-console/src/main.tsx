// The smallest useful Dialkit console: the simulated dialer, and the kit's parts in a layout of
// your own. Swap `sim.module` for your telephony backend, and any part for your own component.
import { createConsole, indexedDbStorage } from '@dialkit/core';
import { createSim } from '@dialkit/sim';
import {
  CallControls, CampaignPicker, DialkitProvider, DispositionPanel, LeadInfo, LoginForm, Notifications, PlayPause,
  StatusBar, useDialkit, useStream,
} from '@dialkit/ui-preact';
import '@dialkit/ui-preact/theme.css';
import { render } from 'preact';

function Console() {
  const { agent } = useDialkit();
  const state = useStream(agent.state$, () => agent.state);
  if (state.session === null) return <main class="dk-main"><LoginForm /></main>;
  if (state.campaign === null) return <main class="dk-main"><CampaignPicker /></main>;
  return (
    <>
      <StatusBar />
      <main class="dk-main dk-call-screen">
        <PlayPause />
        <CallControls />
        <LeadInfo />
        <DispositionPanel />
      </main>
    </>
  );
}

const sim = createSim({ seed: 1 });
const dialkit = await createConsole({ backend: sim.module, storage: indexedDbStorage('dialkit-minimal') });
// The browser tests drive the simulated dialer through its control API.
if (new URLSearchParams(location.search).has('test')) Object.assign(window, { __dialkit: { dialkit, control: sim.control } });
render(
  <DialkitProvider dialkit={dialkit}>
    <div class="dk-console">
      <Console />
      <Notifications />
    </div>
  </DialkitProvider>,
  document.getElementById('app') ?? document.body,
);

import { Commands } from '@dialkit/core';
import { useCommand } from '../hooks/use-command.js';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { errorText } from '../format.js';

/**
 * W2: the campaigns a supervisor assigned, to join one; says so plainly when none is assigned.
 */
export function CampaignPicker() {
  const dialkit = useDialkit();
  const t = useT();
  const { campaigns, agent } = dialkit;
  const assigned = useStream(campaigns.assigned$, () => campaigns.assigned);
  const loaded = useStream(campaigns.loaded$, () => campaigns.assigned.length > 0);
  const state = useStream(agent.state$, () => agent.state);
  const join = useCommand(Commands.joinCampaign);
  const joined = state.campaign?.id;
  return (
    <section class="dk-campaigns" aria-labelledby="dk-campaigns-title">
      <h2 id="dk-campaigns-title">{t('campaign.title')}</h2>
      {!loaded && <p role="status">{t('campaign.loading')}</p>}
      {loaded && assigned.length === 0 && (
        <p role="alert" class="dk-empty">{t('campaign.none')}</p>
      )}
      {assigned.length > 0 && (
        <ul class="dk-campaign-list">
          {assigned.map((c) => (
            <li key={c.id}>
              <button type="button" aria-pressed={joined === c.id} disabled={join.pending || joined === c.id}
                onClick={() => void join.run({ campaignId: c.id })}>
                <span class="dk-campaign-name">{c.name}</span>{' '}
                <span class="dk-badge">{t(`dialMethod.${c.dialMethod}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {joined !== undefined && <p class="dk-note">{t('campaign.joined', { name: state.campaign?.name ?? '' })}</p>}
      {join.error && <p role="alert" class="dk-error">{errorText(dialkit.i18n, join.error)}</p>}
    </section>
  );
}

import type { AgentStatusKind } from '../agent/agent-state.js';
import type { CallStatusKind, EndCause } from '../call/call-state.js';
import type { CoreErrorCode } from '../common/errors.js';
import type { SupportedLocale } from './i18n-service.js';

/**
 * Every key core ships a message for: `error.<code>` for each code of the error catalogue,
 * `status.<kind>` for agent statuses, `call.<kind>` for call states (`call.held.local`,
 * `call.held.remote` for hold) and `cause.<cause>` for why a call ended.
 */
export type CoreMessageKey =
  | `error.${CoreErrorCode}`
  | `status.${AgentStatusKind}`
  | `call.${Exclude<CallStatusKind, 'held'>}`
  | 'call.held.local'
  | 'call.held.remote'
  | `cause.${EndCause}`;

const en: Readonly<Record<CoreMessageKey, string>> = {
  'error.agent.not-logged-in': 'Log in first.',
  'error.agent.already-logged-in': 'You are already logged in on this console.',
  'error.agent.invalid-credentials': 'Wrong username or password.',
  'error.agent.campaign-required': 'Join a campaign before going Ready.',
  'error.agent.no-campaign-assigned': 'No campaign is assigned to you. Ask your supervisor.',
  'error.agent.campaign-not-assigned': 'That campaign is not assigned to you.',
  'error.agent.invalid-state': 'You cannot do that in your current status.',
  'error.agent.unknown-pause-reason': 'Pick a pause reason from the list.',
  'error.agent.calls-active': 'Finish your calls and dispositions first.',
  'error.agent.logged-out-with-calls': 'The dialer logged you out before you submitted the outcome of a call.',
  'error.call.not-found': 'That call is no longer on any line.',
  'error.call.invalid-state': 'The call does not allow that right now.',
  'error.call.invalid-number': 'Enter a valid phone number.',
  'error.call.line-busy': 'All lines are busy. Hold or end a call first.',
  'error.call.manual-dial-not-allowed': 'This campaign does not allow manual calls.',
  'error.call.unsupported': 'The phone system does not support this feature.',
  'error.disposition.invalid': 'Fill in every required field.',
  'error.disposition.unknown-code': "Pick an outcome from this campaign's list.",
  'error.disposition.callback-in-past': 'Schedule the callback for a future time.',
  'error.disposition.not-awaiting': 'This call does not need a disposition.',
  'error.disposition.send-failed': 'The disposition is saved and will be sent when the connection is back.',
  'error.command.unknown': 'This action is not available.',
  'error.command.timeout': 'The phone system did not answer in time. Try again.',
  'error.command.vetoed': 'A rule blocked this action.',
  'error.command.failed': 'Something went wrong. Try again.',
  'error.backend.unavailable': 'Not connected to the phone system.',
  'error.backend.port-missing': 'This console is not set up for that feature.',
  'error.backend.rejected': 'The phone system refused the request.',
  'error.plugin.activation-failed': 'An add-on failed to start; the rest of the console still works.',
  'error.plugin.dependency-missing': 'An add-on is missing something it needs.',
  'error.plugin.duplicate': 'Two add-ons have the same name.',
  'error.plugin.cycle': 'Some add-ons depend on each other in a loop.',
  'error.storage.failed': 'Could not save data in this browser.',
  'error.input.invalid': 'Some information is not valid.',
  'status.loggedOut': 'Logged out',
  'status.paused': 'Paused',
  'status.ready': 'Ready',
  'status.reserved': 'Reserved',
  'status.onCall': 'On call',
  'status.wrapUp': 'Wrap-up',
  'call.dialing': 'Dialing',
  'call.ringing': 'Ringing',
  'call.offered': 'Incoming call',
  'call.connected': 'Connected',
  'call.held.local': 'On hold',
  'call.held.remote': 'Held by the other party',
  'call.ended': 'Ended',
  'cause.agentHangup': 'Agent hung up',
  'cause.remoteHangup': 'Other party hung up',
  'cause.cancelled': 'Cancelled',
  'cause.transferred': 'Transferred',
  'cause.noAnswer': 'No answer',
  'cause.busy': 'Busy',
  'cause.rejected': 'Rejected',
  'cause.answeringMachine': 'Answering machine',
  'cause.failed': 'Call failed',
  'cause.voicemailDropped': 'Voicemail left',
};

const es: Readonly<Record<CoreMessageKey, string>> = {
  'error.agent.not-logged-in': 'Primero inicie sesión.',
  'error.agent.already-logged-in': 'Ya tiene una sesión iniciada en esta consola.',
  'error.agent.invalid-credentials': 'Usuario o contraseña incorrectos.',
  'error.agent.campaign-required': 'Únase a una campaña antes de pasar a Listo.',
  'error.agent.no-campaign-assigned': 'No tiene campañas asignadas. Consulte a su supervisor.',
  'error.agent.campaign-not-assigned': 'No tiene asignada esa campaña.',
  'error.agent.invalid-state': 'No puede hacer eso en su estado actual.',
  'error.agent.unknown-pause-reason': 'Elija un motivo de pausa de la lista.',
  'error.agent.calls-active': 'Primero termine sus llamadas y tipificaciones.',
  'error.agent.logged-out-with-calls': 'El marcador cerró su sesión antes de que enviara el resultado de una llamada.',
  'error.call.not-found': 'Esa llamada ya no está en ninguna línea.',
  'error.call.invalid-state': 'La llamada no permite esa acción en este momento.',
  'error.call.invalid-number': 'Ingrese un número de teléfono válido.',
  'error.call.line-busy': 'Todas las líneas están ocupadas. Ponga una llamada en espera o finalícela primero.',
  'error.call.manual-dial-not-allowed': 'Esta campaña no permite llamadas manuales.',
  'error.call.unsupported': 'El sistema telefónico no admite esta función.',
  'error.disposition.invalid': 'Complete todos los campos obligatorios.',
  'error.disposition.unknown-code': 'Elija una tipificación de la lista de esta campaña.',
  'error.disposition.callback-in-past': 'Programe la devolución de llamada para una fecha futura.',
  'error.disposition.not-awaiting': 'Esta llamada no necesita tipificación.',
  'error.disposition.send-failed': 'La tipificación quedó guardada y se enviará cuando vuelva la conexión.',
  'error.command.unknown': 'Esta acción no está disponible.',
  'error.command.timeout': 'El sistema telefónico no respondió a tiempo. Inténtelo de nuevo.',
  'error.command.vetoed': 'Una regla bloqueó esta acción.',
  'error.command.failed': 'Algo salió mal. Inténtelo de nuevo.',
  'error.backend.unavailable': 'Sin conexión con el sistema telefónico.',
  'error.backend.port-missing': 'Esta consola no está configurada para esa función.',
  'error.backend.rejected': 'El sistema telefónico rechazó la solicitud.',
  'error.plugin.activation-failed': 'Un complemento no pudo iniciarse; el resto de la consola sigue funcionando.',
  'error.plugin.dependency-missing': 'A un complemento le falta algo que necesita.',
  'error.plugin.duplicate': 'Dos complementos tienen el mismo nombre.',
  'error.plugin.cycle': 'Algunos complementos dependen unos de otros en un ciclo.',
  'error.storage.failed': 'No se pudieron guardar los datos en este navegador.',
  'error.input.invalid': 'Algún dato no es válido.',
  'status.loggedOut': 'Desconectado',
  'status.paused': 'En pausa',
  'status.ready': 'Listo',
  'status.reserved': 'Reservado',
  'status.onCall': 'En llamada',
  'status.wrapUp': 'Cierre de llamada',
  'call.dialing': 'Marcando',
  'call.ringing': 'Timbrando',
  'call.offered': 'Llamada entrante',
  'call.connected': 'Conectada',
  'call.held.local': 'En espera',
  'call.held.remote': 'En espera por la otra parte',
  'call.ended': 'Finalizada',
  'cause.agentHangup': 'Colgó el agente',
  'cause.remoteHangup': 'Colgó la otra parte',
  'cause.cancelled': 'Cancelada',
  'cause.transferred': 'Transferida',
  'cause.noAnswer': 'No contestó',
  'cause.busy': 'Ocupado',
  'cause.rejected': 'Rechazada',
  'cause.answeringMachine': 'Contestadora automática',
  'cause.failed': 'Llamada fallida',
  'cause.voicemailDropped': 'Se dejó mensaje de voz',
};

/**
 * Core's messages in English and Spanish (Latin-American call-center wording).
 *
 * @remarks Both locales have exactly the same keys ({@link CoreMessageKey}); the type system and a test check it.
 */
export const coreMessages: Readonly<Record<SupportedLocale, Readonly<Record<CoreMessageKey, string>>>> = { en, es };

// The widget library's entry (vite.widget.config.ts): the IIFE exposes these as the global `CoView`.
export { IFRAME_ALLOW, IFRAME_SANDBOX, mount, PROTOCOL_VERSION, WIDGET_EVENT_TYPES } from './widget';
export type { MountOptions, WidgetEvent, WidgetEvents, WidgetEventType, WidgetHandle, WidgetMode } from './widget';

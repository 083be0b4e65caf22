/** What jsdom lacks and antd or React Router needs. */
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });

/** antd's form posts through a MessageChannel; Node's real one would keep Jest's worker alive. */
type Listener = ((event: { data: unknown }) => void) | null;
class PortStub {
  onmessage: Listener = null;
  other: PortStub | null = null;
  postMessage(data: unknown): void {
    const target = this.other;
    setTimeout(() => target?.onmessage?.({ data }), 0);
  }
  start(): void {}
  close(): void {
    this.onmessage = null;
  }
  addEventListener(_type: string, listener: Listener): void {
    this.onmessage = listener;
  }
  removeEventListener(): void {
    this.onmessage = null;
  }
}
class MessageChannelStub {
  port1 = new PortStub();
  port2 = new PortStub();
  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}
Object.assign(globalThis, { MessageChannel: MessageChannelStub });

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });

// antd measures scrollbars with getComputedStyle(el, '::-webkit-scrollbar'); jsdom warns on pseudo-elements.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyle(element);

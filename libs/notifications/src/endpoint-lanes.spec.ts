import { describe, expect, it } from 'vitest';
import { EndpointLanes } from './endpoint-lanes.js';

const SLOW = 'https://slow.example/hook';
const HEALTHY = 'https://healthy.example/hook';

describe('EndpointLanes', () => {
  it('an endpoint that timed out takes the slow lane; others stay on the main lane', () => {
    const lanes = new EndpointLanes(8, 1_000);
    lanes.started(SLOW);
    lanes.finished(SLOW, 3_500, 'TIMEOUT');
    lanes.started(HEALTHY);
    lanes.finished(HEALTHY, 12, 'OK');
    expect(lanes.isSlow(SLOW)).toBe(true);
    expect(lanes.isSlow(HEALTHY)).toBe(false);
  });

  it('a slow answer marks the endpoint slow too, and a quick one brings it back', () => {
    const lanes = new EndpointLanes(8, 1_000);
    lanes.started(SLOW);
    lanes.finished(SLOW, 1_200, 'HTTP_500');
    expect(lanes.isSlow(SLOW)).toBe(true);
    lanes.started(SLOW);
    lanes.finished(SLOW, 20, 'OK');
    expect(lanes.isSlow(SLOW)).toBe(false);
  });

  it('attempts piling up on one endpoint go to the slow lane before the first one has timed out', () => {
    const lanes = new EndpointLanes(2, 1_000);
    lanes.started(SLOW);
    expect(lanes.isSlow(SLOW)).toBe(false);
    lanes.started(SLOW);
    expect(lanes.isSlow(SLOW)).toBe(true);
    lanes.finished(SLOW, 30, 'OK');
    expect(lanes.isSlow(SLOW)).toBe(false);
  });

  it('forgets a slow mark after the memory period', () => {
    const lanes = new EndpointLanes(8, 1_000, 0);
    lanes.started(SLOW);
    lanes.finished(SLOW, 3_500, 'TIMEOUT');
    expect(lanes.isSlow(SLOW)).toBe(false);
  });
});

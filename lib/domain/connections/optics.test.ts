import { describe, expect, it } from 'vitest';
import { describeLight, formatDbm, judgeLight, opticsFor } from './optics';

describe('optics per port speed', () => {
  it('knows the single-mode optics AWS uses for each dedicated speed', () => {
    expect(opticsFor('1Gbps')?.name).toBe('1000BASE-LX');
    expect(opticsFor('10Gbps')?.name).toBe('10GBASE-LR');
    expect(opticsFor('100Gbps')).toMatchObject({ name: '100GBASE-LR4', lanes: 4 });
    expect(opticsFor('400Gbps')).toMatchObject({ lanes: 4 });
    expect(opticsFor('500Mbps')).toBeNull();
  });

  it('judges a reading at, inside and outside the range', () => {
    const lr = opticsFor('10Gbps')!;
    expect(judgeLight(lr, 'rx', -14.4)).toBe('ok');
    expect(judgeLight(lr, 'rx', -14.5)).toBe('low');
    expect(judgeLight(lr, 'rx', 0.6)).toBe('high');
    expect(judgeLight(lr, 'tx', -8.2)).toBe('ok');
    expect(judgeLight(lr, 'tx', -9)).toBe('low');
  });

  it('writes readings the way an engineer reads them', () => {
    expect(formatDbm(-3.25)).toBe('−3.3 dBm');
    expect(formatDbm(0.5)).toBe('0.5 dBm');
    const lr = opticsFor('10Gbps');
    expect(describeLight(lr, 'rx', -3.2)).toBe('Rx −3.2 dBm (within 10GBASE-LR range)');
    expect(describeLight(lr, 'rx', -20)).toBe('Rx −20.0 dBm (below the 10GBASE-LR range of −14.4 dBm to 0.5 dBm)');
    expect(describeLight(null, 'tx', -1)).toBe('Tx −1.0 dBm');
  });
});

import { describe, expect, it } from 'vitest';
import * as restrictedVolumes from '../../../src/policy/pod-security/restricted-volumes.js';
import { levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_restrictedVolumes_test.go.
describe('pod security: restrictedVolumes', () => {
  it('names the volumes and their sorted types', () => {
    const allowed = ['emptyDir', 'secret', 'persistentVolumeClaim', 'downwardAPI', 'configMap', 'projected', 'csi', 'ephemeral', 'image'].map((t, i) => ({ name: `a${i + 1}`, [t]: {} }));
    const restricted = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos'].map((t, i) => ({ name: `b${i + 1}`, [t]: {} }));
    runCases(restrictedVolumes, [
      {
        name: 'host path volumes',
        spec: { volumes: [...allowed, ...restricted, { name: 'c1' }] },
        reason: 'restricted volume types',
        detail:
          'volumes ' +
          '"b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11", "b12", "b13", "b14", "b15", "b16", "b17", "b18", "b19", "b20", "b21", "c1"' +
          ' use restricted volume types ' +
          '"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", ' +
          '"hostPath", "iscsi", "nfs", "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "unknown", "vsphereVolume"',
      },
      { name: 'one hostPath', spec: { volumes: [{ name: 'host', hostPath: { path: '/' } }] }, reason: 'restricted volume types', detail: 'volume "host" uses restricted volume type "hostPath"', pointers: ['/spec/volumes/0/hostPath'] },
      { name: 'allowed only', spec: { volumes: allowed } },
    ]);
  });

  it('is restricted only', () => {
    expect(levelsReporting('restrictedVolumes', { volumes: [{ name: 'n', nfs: { server: 's', path: '/' } }] })).toEqual(['restricted']);
  });
});

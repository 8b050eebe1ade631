import type { TargetsData, TargetsFilters, TargetsMethods } from '../../src/protocol/targets';
import { startFilteredDashboard } from '../shared/start';
import { TargetsView } from './view';

void startFilteredDashboard<TargetsFilters, TargetsData, { [K in keyof TargetsMethods]: TargetsMethods[K] }>(
  (root, language, client, remember) => new TargetsView(root, language, client, remember, 'targets'));

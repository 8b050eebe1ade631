import type { DiscountsData, DiscountsFilters, DiscountsMethods } from '../../src/protocol/discounts';
import { startFilteredDashboard } from '../shared/start';
import { DiscountsView } from './view';

void startFilteredDashboard<DiscountsFilters, DiscountsData, { [K in keyof DiscountsMethods]: DiscountsMethods[K] }>(
  (root, language, client, remember) => new DiscountsView(root, language, client, remember, 'discounts'));
